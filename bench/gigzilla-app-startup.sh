#!/usr/bin/env bash
# Gigzilla app start-up (issue 5): from launching `gigzilla --no-browser` on a store with 10,000 projects to the
# dashboard's HTML served. Seeds a store (CSV import), starts a local Keel server (SQLite) as the license server,
# activates a trial once, then launches the app RUNS times: each run starts the process, reads the launch URL it
# prints, exchanges the secret for the cookie and GETs / until the dashboard answers. Prints every run, the median
# and the max.
#
#   bench/gigzilla-app-startup.sh            10 runs, 10,000 projects
#   RUNS=5 PROJECTS=20000 bench/gigzilla-app-startup.sh
#
# Environment: NO_BUILD=1 to reuse the last Release build, KEEP_WORK=1 to keep the temp folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-10}
PROJECTS=${PROJECTS:-10000}
LOCK=/tmp/keel-build.lock

if [ -z "${NO_BUILD:-}" ]; then
  flock "$LOCK" dotnet build -c Release -v quiet -nologo src/Keel.Server/Keel.Server.csproj
  flock "$LOCK" dotnet build -c Release -v quiet -nologo src/Keel.Gigzilla.App/Keel.Gigzilla.App.csproj
fi
KEEL_DLL=src/Keel.Server/bin/Release/net10.0/Keel.Server.dll
GIGZILLA=src/Keel.Gigzilla.App/bin/Release/net10.0/gigzilla

WORK=$(mktemp -d /tmp/gigzilla-startup-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

KEEL_PORT=$(free_port)
dotnet "$KEEL_DLL" --urls="http://127.0.0.1:$KEEL_PORT" --Keel:DataDirectory="$WORK/keel" \
  --Keel:PublicUrl="http://127.0.0.1:$KEEL_PORT" --Logging:LogLevel:Default=Warning > "$WORK/keel.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$KEEL_PORT/health" > /dev/null && break; sleep 0.5; done
export GIGZILLA_API_URL="http://127.0.0.1:$KEEL_PORT/gigzilla"

echo "== seeding $PROJECTS projects"
python3 - "$WORK/projects.csv" "$PROJECTS" <<'PY'
import csv, random, sys, datetime
random.seed(7)
path, count = sys.argv[1], int(sys.argv[2])
statuses = ["to_start", "working", "done", "paid"]
start = datetime.date(2026, 1, 1)
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["title", "client", "amount", "currency", "status", "deadline"])
    for i in range(count):
        w.writerow([f"Project {i}", f"Client {i % 400}", random.randint(100, 9000), random.choice(["EUR", "EUR", "USD", "GBP"]),
                    random.choice(statuses), (start + datetime.timedelta(days=random.randint(0, 500))).isoformat()])
PY
"$GIGZILLA" --data "$WORK/data" import "$WORK/projects.csv" > /dev/null

# Launches the app, waits for its launch URL, and sets URL/BASE/APP_PID.
launch() {
  : > "$WORK/app.out"
  "$GIGZILLA" --data "$WORK/data" --no-browser > "$WORK/app.out" 2>&1 &
  APP_PID=$!
  URL=""
  while [ -z "$URL" ]; do
    URL=$(grep -o 'http://127.0.0.1:[0-9]*/launch?k=[A-Za-z0-9_-]*' "$WORK/app.out" || true)
    kill -0 "$APP_PID" 2> /dev/null || { cat "$WORK/app.out" >&2; exit 1; }
    [ -n "$URL" ] || sleep 0.01
  done
  BASE=${URL%/launch*}
}

echo "== activating a trial once"
launch
curl -s -c "$WORK/cookies" -o /dev/null "$URL"
curl -s -b "$WORK/cookies" -o /dev/null -w "%{http_code} %{redirect_url}\n" -H "Origin: $BASE" --data-urlencode "email=bench-$RANDOM@example.com" "$BASE/activate/trial"
curl -s -b "$WORK/cookies" "$BASE/" > "$WORK/first.html"; grep -q "<h1>Dashboard</h1>" "$WORK/first.html" || { echo "activation failed:" >&2; head -c 600 "$WORK/first.html" >&2; exit 1; }
kill -TERM "$APP_PID"; wait "$APP_PID" || true

echo "== $RUNS runs: launch to dashboard HTML"
TIMES=()
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  launch
  curl -s -c "$WORK/run-cookies" -o /dev/null "$URL"
  curl -s -b "$WORK/run-cookies" "$BASE/" > "$WORK/dashboard.html"
  end=$(now_ms)
  grep -q "<h1>Dashboard</h1>" "$WORK/dashboard.html" || { echo "run $run: no dashboard" >&2; exit 1; }
  TIMES+=($((end - start)))
  echo "run $run: $((end - start)) ms"
  kill -TERM "$APP_PID"; wait "$APP_PID" || true
done

printf '%s\n' "${TIMES[@]}" | sort -n | awk -v P="$PROJECTS" '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median %d ms, max %d ms over %d runs (%s projects)\n", m, a[NR], NR, P }'
