#!/usr/bin/env bash
# Time to first byte of the customer dashboard (issue 6): GET /dashboard for a signed-in user (session cookie, three
# organizations) on Keel with SQLite holding 10,000 accounts in 1,000 organizations, against a bare
# Kestrel endpoint serving a fixed HTML page of the same size (bench/Keel.Bench.Bare). Two measurements per target:
#   - TTFB: curl's time_starttransfer over SAMPLES sequential requests (one client: the latency a person sees);
#   - under load: wrk -c CONNECTIONS with a Lua script reporting p50/p95/p99 of the whole response.
# Targets alternate round by round, so noise on a shared machine hits both alike.
#
#   bench/web-dashboard.sh                       2 rounds (about 1.5 minutes with a warm build)
#   ACCOUNTS=10000 SAMPLES=500 DURATION=10s CONNECTIONS=16 ROUNDS=2 NO_BUILD=1 bench/web-dashboard.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

ACCOUNTS=${ACCOUNTS:-10000}
SAMPLES=${SAMPLES:-500}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
LOCK=/tmp/keel-build.lock

for tool in curl flock python3 wrk; do
  command -v "$tool" > /dev/null || { echo "web-dashboard: $tool is required (apt-get install -y wrk python3)" >&2; exit 1; }
done

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "== building Release (waiting for $LOCK if another build holds it)"
  flock "$LOCK" dotnet build -c Release -v quiet -nologo src/Keel.Server/Keel.Server.csproj
  flock "$LOCK" dotnet build -c Release -v quiet -nologo bench/Keel.Bench.Bare/Keel.Bench.Bare.csproj
fi
KEEL_DLL=src/Keel.Server/bin/Release/net10.0/Keel.Server.dll
BARE_DLL=bench/Keel.Bench.Bare/bin/Release/net10.0/Keel.Bench.Bare.dll

WORK=$(mktemp -d /tmp/keel-web-dashboard.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "$port"; return; fi
  done
}

wait_for() {
  local url=$1 name=$2 log=$3
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$url" 2> /dev/null; then return; fi
    sleep 0.2
  done
  echo "web-dashboard: $name did not answer at $url; its log:" >&2
  cat "$log" >&2
  exit 1
}

BARE_PORT=$(free_port)
dotnet "$BARE_DLL" --urls="http://127.0.0.1:$BARE_PORT" --Logging:LogLevel:Default=Warning > "$WORK/bare.log" 2>&1 &
PIDS+=($!)
KEEL_PORT=$(free_port)
while [ "$KEEL_PORT" = "$BARE_PORT" ]; do KEEL_PORT=$(free_port); done
dotnet "$KEEL_DLL" --urls="http://127.0.0.1:$KEEL_PORT" --Keel:DataDirectory="$WORK/keel-data" \
  --Keel:PublicUrl="http://127.0.0.1:$KEEL_PORT" --Keel:Limits:LoginPerIp:Permits=100000 \
  --Logging:LogLevel:Default=Warning > "$WORK/keel.log" 2>&1 &
PIDS+=($!)
KEEL="http://127.0.0.1:$KEEL_PORT"
BARE_URL="http://127.0.0.1:$BARE_PORT/dashboard"
wait_for "$BARE_URL" "the bare endpoint" "$WORK/bare.log"
wait_for "$KEEL/health" "Keel" "$WORK/keel.log"

echo "== registering bench@keel.test with three organizations"
curl -fsS -o /dev/null -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"bench@keel.test","password":"bench-password-123","displayName":"Bench"}' "$KEEL/api/v1/auth/register"
for name in Acme Globex Initech; do
  curl -fsS -o /dev/null -b "$WORK/cookies" -H 'Content-Type: application/json' -d "{\"name\":\"$name\"}" "$KEEL/api/v1/organizations"
done
SESSION=$(awk '$6 == "keel_session" { print $7 }' "$WORK/cookies")
[ -n "$SESSION" ] || { echo "web-dashboard: no session cookie" >&2; exit 1; }

echo "== seeding $ACCOUNTS accounts in $((ACCOUNTS / 10)) organizations of ten"
python3 - "$WORK/keel-data/keel.db" "$ACCOUNTS" <<'PY'
import sqlite3, sys, uuid
db = sqlite3.connect(sys.argv[1], timeout=30)
n = int(sys.argv[2])
# Copy the registered account's stored values (password hash, timestamp encoding) so rows look like real ones.
hash_, created = db.execute("SELECT PasswordHash, CreatedAt FROM accounts WHERE Email = 'bench@keel.test'").fetchone()
g = lambda: str(uuid.uuid4()).upper()
accounts = [(g(), f"seed{i}@keel.test", f"seed{i}@keel.test", hash_, created - i * 10_000_000) for i in range(n)]
orgs = [(g(), f"Seed organization {j}", created) for j in range(max(1, n // 10))]
db.executemany("INSERT INTO accounts (Id, Email, NormalizedEmail, PasswordHash, IsAdmin, CreatedAt) VALUES (?, ?, ?, ?, 0, ?)", accounts)
db.executemany("INSERT INTO organizations (Id, Name, CreatedAt) VALUES (?, ?, ?)", orgs)
db.executemany("INSERT INTO memberships (OrganizationId, AccountId, Role, JoinedAt) VALUES (?, ?, ?, ?)",
               [(orgs[i // 10][0], a[0], "Owner" if i % 10 == 0 else "Member", created) for i, a in enumerate(accounts)])
db.commit()
print("   accounts now:", db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])
PY

PAGE=$(curl -fsS -H "Cookie: keel_session=$SESSION" "$KEEL/dashboard")
case "$PAGE" in *Initech*) ;; *) echo "web-dashboard: the dashboard did not show the account's organizations" >&2; exit 1 ;; esac
echo "   dashboard: ${#PAGE} bytes; bare page: $(curl -fsS "$BARE_URL" | wc -c) bytes"

cat > "$WORK/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("PCT %.2f %.2f %.2f %.0f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

# p50/p95/p99 in ms of curl's time to first byte over SAMPLES sequential requests.
ttfb() {
  local url=$1 header=$2
  for _ in $(seq 1 "$SAMPLES"); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' ${header:+-H "$header"} "$url"
  done | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.2f %.2f %.2f", v[int(NR * .50)], v[int(NR * .95)], v[int(NR * .99)] }'
}

TARGETS=("bare /dashboard|$BARE_URL|" "keel /dashboard|$KEEL/dashboard|Cookie: keel_session=$SESSION")
echo "== warming up"
for target in "${TARGETS[@]}"; do
  IFS='|' read -r label url header <<< "$target"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s ${header:+-H "$header"} "$url" > /dev/null
done

echo "== measuring: $ROUNDS round(s); TTFB over $SAMPLES sequential requests; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
printf '%-16s %5s | %9s %9s %9s | %9s %9s %9s %9s %6s\n' target round ttfb_p50 ttfb_p95 ttfb_p99 load_p50 load_p95 load_p99 req/s errors
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!TARGETS[@]}"; do
    IFS='|' read -r label url header <<< "${TARGETS[$i]}"
    read -r t50 t95 t99 <<< "$(ttfb "$url" "$header")"
    read -r _ l50 l95 l99 rps errors <<< "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/percentiles.lua" ${header:+-H "$header"} "$url" | grep '^PCT')"
    printf '%-16s %5s | %9s %9s %9s | %9s %9s %9s %9s %6s\n' "$label" "$round" "$t50" "$t95" "$t99" "$l50" "$l95" "$l99" "$rps" "$errors"
    echo "$i $t50 $t95 $t99 $l50 $l95 $l99 $rps $errors" >> "$WORK/results.txt"
  done
done

echo
echo "== summary (mean of $ROUNDS round(s), milliseconds)"
awk '
  { n[$1]++; for (k = 2; k <= 9; k++) s[$1, k] += $k }
  END {
    split("bare /dashboard|keel /dashboard", name, "|")
    printf "| %-16s | %8s | %8s | %8s | %8s | %8s | %8s | %7s | %6s |\n", "target", "TTFB p50", "TTFB p95", "TTFB p99", "load p50", "load p95", "load p99", "req/s", "errors"
    printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "------------------", "----------", "----------", "----------", "----------", "----------", "----------", "---------", "--------"
    for (i = 0; i in n; i++)
      printf "| %-16s | %8.2f | %8.2f | %8.2f | %8.2f | %8.2f | %8.2f | %7.0f | %6d |\n", name[i + 1],
        s[i, 2] / n[i], s[i, 3] / n[i], s[i, 4] / n[i], s[i, 5] / n[i], s[i, 6] / n[i], s[i, 7] / n[i], s[i, 8] / n[i], s[i, 9]
  }' "$WORK/results.txt"

if awk '$9 > 0 { bad = 1 } END { exit !bad }' "$WORK/results.txt"; then
  echo "web-dashboard: some requests failed; the figures above are not comparable" >&2
  exit 1
fi
