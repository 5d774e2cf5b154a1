#!/usr/bin/env bash
# License validation under load (issue 3): wrk POSTing a steady-state validation (a key whose machine is already
# activated, the same machine on every request) to Gigzilla's seed route POST /gigzilla/api/validate and to the
# platform's POST /api/v1/licenses/validate, on Keel with SQLite and Keel with PostgreSQL, against a bare Kestrel
# endpoint answering a body of the same shape and size (bench/Keel.Bench.Bare). All servers run side by side and the
# targets alternate round by round, so noise on a shared machine hits each of them alike.
#
#   bench/license-validate.sh                  2 rounds of 12 s per target (about 4 to 5 minutes with a warm build)
#   DURATION=10s ROUNDS=1 bench/license-validate.sh
#
# Environment: ONLY (a database name, e.g. ONLY=postgres: measure bare and that database only), KEEP_WORK=1 to keep
# wrk's raw output, DURATION (wrk -d, default 12s), ROUNDS (default 2), CONNECTIONS (default 64), THREADS (default 2),
# WARMUP (default 3s per target), ANON_PERMITS (Keel:Limits:Anonymous:Permits, default 100000000: both routes are
# anonymous and limited per IP, 60 a minute by default; raised so that nothing is refused while the limiter still
# counts every request), NO_BUILD=1 to reuse the last Release build, PG_BIN (default /usr/lib/postgresql/15/bin).
#
# The private PostgreSQL runs with fsync=off, synchronous_commit=off and full_page_writes=off: a throwaway benchmark
# database does not need crash safety, and the figures then measure Keel rather than this machine's disk flushes.
# A production PostgreSQL pays a WAL flush per committed transaction (each validation commits one).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-12s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3s}
ANON_PERMITS=${ANON_PERMITS:-100000000}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
LOCK=/tmp/keel-build.lock

for tool in curl flock "$PG_BIN/initdb" "$PG_BIN/pg_ctl"; do
  command -v "$tool" > /dev/null || { echo "license-validate: $tool is required" >&2; exit 1; }
done
if ! command -v wrk > /dev/null; then
  echo "== installing wrk"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  fi
fi

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user (created if missing).
if [ "$(id -u)" -eq 0 ] && ! id postgres > /dev/null 2>&1; then useradd --system --no-create-home postgres; fi
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "== building Release (waiting for $LOCK if another build holds it)"
  flock "$LOCK" dotnet build -c Release -v quiet -nologo src/Keel.Server/Keel.Server.csproj
  flock "$LOCK" dotnet build -c Release -v quiet -nologo bench/Keel.Bench.Bare/Keel.Bench.Bare.csproj
fi
KEEL_DLL=src/Keel.Server/bin/Release/net10.0/Keel.Server.dll
BARE_DLL=bench/Keel.Bench.Bare/bin/Release/net10.0/Keel.Bench.Bare.dll

WORK=$(mktemp -d /tmp/keel-license-validate.XXXXXX)
PGDATA_DIR=$(mktemp -d /tmp/keel-license-validate-pg.XXXXXX)
PIDS=()
PG_STARTED=0
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [ "$PG_STARTED" = 1 ]; then as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast -w stop > /dev/null 2>&1 || true; fi
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "license-validate: kept $WORK"; rm -rf "$PGDATA_DIR"; else rm -rf "$WORK" "$PGDATA_DIR"; fi
}
trap cleanup EXIT INT TERM

# A loopback port nothing listens on (bash's /dev/tcp connect fails on a free port) and not handed out before: the
# caller records each port in USED_PORTS, since free_port runs in a subshell.
USED_PORTS=" "
free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 20000 ))
    case "$USED_PORTS" in *" $port "*) continue ;; esac
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
}

wait_for() {
  local url=$1 name=$2 log=$3
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$url" 2> /dev/null; then return; fi
    sleep 0.2
  done
  echo "license-validate: $name did not answer at $url; its log:" >&2
  cat "$log" >&2
  exit 1
}

BARE_PORT=$(free_port); USED_PORTS="$USED_PORTS$BARE_PORT "
PG_PORT=$(free_port); USED_PORTS="$USED_PORTS$PG_PORT "
SQLITE_PORT=$(free_port); USED_PORTS="$USED_PORTS$SQLITE_PORT "
KEELPG_PORT=$(free_port); USED_PORTS="$USED_PORTS$KEELPG_PORT "

echo "== starting a private PostgreSQL on 127.0.0.1:$PG_PORT (fsync=off: a throwaway benchmark database)"
chown postgres: "$PGDATA_DIR" 2> /dev/null || true
as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale > "$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/postgres.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  > /dev/null || { cat "$PGDATA_DIR/postgres.log" >&2; exit 1; }
PG_STARTED=1

dotnet "$BARE_DLL" --urls="http://127.0.0.1:$BARE_PORT" --Logging:LogLevel:Default=Warning > "$WORK/bare.log" 2>&1 &
PIDS+=($!)

start_keel() {
  local port=$1 name=$2
  shift 2
  dotnet "$KEEL_DLL" --urls="http://127.0.0.1:$port" --Keel:DataDirectory="$WORK/$name-data" \
    --Keel:PublicUrl="http://127.0.0.1:$port" --Keel:Limits:Anonymous:Permits="$ANON_PERMITS" \
    --Logging:LogLevel:Default=Warning "$@" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$port/health" "Keel ($name)" "$WORK/$name.log"
}
echo "== starting Keel on SQLite (:$SQLITE_PORT), then on PostgreSQL (:$KEELPG_PORT)"
start_keel "$SQLITE_PORT" sqlite
start_keel "$KEELPG_PORT" postgres --Keel:Database:Provider=Postgres \
  "--Keel:Database:ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=keel_bench"
wait_for "http://127.0.0.1:$BARE_PORT/api/v1/me" "the bare endpoint" "$WORK/bare.log"

SEED_MACHINE=bench-machine-0001
NATIVE_MACHINE=bench-machine-0002
EMAIL=bench@keel.test

# Starts a trial (which activates SEED_MACHINE), activates NATIVE_MACHINE on the same license (the trial has two
# seats), and checks that both validations answer VALID. Prints the key.
prepare_license() {
  local base=$1 key answer
  key=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"machineId\":\"$SEED_MACHINE\"}" \
    "$base/gigzilla/api/start-trial" | sed -n 's/.*"licenseKey":"\([^"]*\)".*/\1/p')
  [ -n "$key" ] || { echo "license-validate: no licenseKey from $base/gigzilla/api/start-trial" >&2; exit 1; }
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"key\":\"$key\",\"fingerprint\":\"$NATIVE_MACHINE\"}" \
    "$base/api/v1/licenses/activate"
  answer=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"licenseKey\":\"$key\",\"machineId\":\"$SEED_MACHINE\"}" \
    "$base/gigzilla/api/validate")
  case "$answer" in *'"valid":true'*) ;; *) echo "license-validate: seed validate on $base answered $answer" >&2; exit 1 ;; esac
  answer=$(curl -fsS -H 'Content-Type: application/json' -d "{\"key\":\"$key\",\"fingerprint\":\"$NATIVE_MACHINE\"}" \
    "$base/api/v1/licenses/validate")
  case "$answer" in *'"valid":true'*) ;; *) echo "license-validate: native validate on $base answered $answer" >&2; exit 1 ;; esac
  echo "$key"
}
echo "== starting a trial for $EMAIL and activating a second machine on each Keel"
SQLITE_KEY=$(prepare_license "http://127.0.0.1:$SQLITE_PORT")
PG_KEY=$(prepare_license "http://127.0.0.1:$KEELPG_PORT")

# One wrk script per target: a fixed JSON body, and a count of answers that are not 200 with "valid":true (the seed
# route answers 200 for an invalid license too, so status codes alone would not reveal a failed validation).
write_lua() {
  local file=$1 body=$2
  cat > "$file" << EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$body'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) invalid = 0 end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"valid":true', 1, true) then invalid = invalid + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do n = n + thread:get("invalid") end
  io.write(string.format("Invalid answers: %d\n", n))
end
EOF
}
seed_body() { echo "{\"email\":\"$EMAIL\",\"licenseKey\":\"$1\",\"machineId\":\"$SEED_MACHINE\"}"; }
native_body() { echo "{\"key\":\"$1\",\"fingerprint\":\"$NATIVE_MACHINE\"}"; }
BARE_KEY=GZ-BENCH-BARE-KEY-0000-0000-0000
write_lua "$WORK/bare-seed.lua" "$(seed_body "$BARE_KEY")"
write_lua "$WORK/sqlite-seed.lua" "$(seed_body "$SQLITE_KEY")"
write_lua "$WORK/postgres-seed.lua" "$(seed_body "$PG_KEY")"
write_lua "$WORK/bare-native.lua" "$(native_body "$BARE_KEY")"
write_lua "$WORK/sqlite-native.lua" "$(native_body "$SQLITE_KEY")"
write_lua "$WORK/postgres-native.lua" "$(native_body "$PG_KEY")"

SEED_PATH=/gigzilla/api/validate
NATIVE_PATH=/api/v1/licenses/validate
# Each target as "route|database|url|lua"; the bare target of a route comes first and is its 100 %.
TARGETS=(
  "seed|bare|http://127.0.0.1:$BARE_PORT$SEED_PATH|$WORK/bare-seed.lua"
  "seed|sqlite|http://127.0.0.1:$SQLITE_PORT$SEED_PATH|$WORK/sqlite-seed.lua"
  "seed|postgres|http://127.0.0.1:$KEELPG_PORT$SEED_PATH|$WORK/postgres-seed.lua"
  "native|bare|http://127.0.0.1:$BARE_PORT$NATIVE_PATH|$WORK/bare-native.lua"
  "native|sqlite|http://127.0.0.1:$SQLITE_PORT$NATIVE_PATH|$WORK/sqlite-native.lua"
  "native|postgres|http://127.0.0.1:$KEELPG_PORT$NATIVE_PATH|$WORK/postgres-native.lua"
)

if [ -n "${ONLY:-}" ]; then
  kept=()
  for target in "${TARGETS[@]}"; do
    case "$target" in *"|bare|"* | *"|$ONLY|"*) kept+=("$target") ;; esac
  done
  TARGETS=("${kept[@]}")
fi

echo "== answer sizes (bare vs Keel)"
for target in "${TARGETS[@]}"; do
  IFS='|' read -r route database url lua <<< "$target"
  body=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$lua")
  size=$(curl -fsS -H 'Content-Type: application/json' -d "$body" "$url" | wc -c)
  printf '   %-7s %-9s %5s bytes\n' "$route" "$database" "$size"
done

echo "== warming up ($WARMUP per target)"
for target in "${TARGETS[@]}"; do
  IFS='|' read -r route database url lua <<< "$target"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "$url" > "$WORK/warmup.txt"
done

# wrk prints latencies as 812.00us, 1.20ms or 1.01s; normalise to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "?" }'
}

echo "== measuring: $ROUNDS round(s) of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency per target"
printf '%-7s %-9s %6s %12s %9s %9s %8s\n' route database round req/s p50_ms p99_ms errors
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!TARGETS[@]}"; do
    IFS='|' read -r route database url lua <<< "${TARGETS[$i]}"
    out="$WORK/run-$i-$round.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$url" > "$out"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    invalid=$(awk '/^Invalid answers:/ { print $3 }' "$out")
    socket=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
    errors=$(( ${invalid:-0} + ${socket:-0} ))
    printf '%-7s %-9s %6s %12s %9s %9s %8s\n' "$route" "$database" "$round" "$rps" "$p50" "$p99" "$errors"
    echo "$i $route $database $rps $p50 $p99 $errors" >> "$WORK/results.txt"
  done
done

echo
echo "== summary (mean of $ROUNDS round(s); % of bare = req/s relative to the bare endpoint of the same route;"
echo "   targets: >= 40 % of bare, p99 < 10 ms at $CONNECTIONS connections)"
awk '
  { n[$1]++; route[$1] = $2; db[$1] = $3; rps[$1] += $4; p50[$1] += $5; p99[$1] += $6; err[$1] += $7
    if ($3 == "bare") bare_of[$2] = $1 }
  END {
    name["seed"] = "POST /gigzilla/api/validate"; name["native"] = "POST /api/v1/licenses/validate"
    printf "| %-30s | %-8s | %9s | %8s | %8s | %9s | %6s |\n", "endpoint", "database", "req/s", "p50 ms", "p99 ms", "% of bare", "errors"
    printf "|%s|%s|%s|%s|%s|%s|%s|\n", "--------------------------------", "----------", "-----------", "----------", "----------", "-----------", "--------"
    for (i = 0; i in n; i++) {
      b = bare_of[route[i]]
      printf "| %-30s | %-8s | %9.0f | %8.2f | %8.2f | %8.1f%% | %6d |\n", name[route[i]], db[i], rps[i] / n[i], p50[i] / n[i],
        p99[i] / n[i], 100 * (rps[i] / n[i]) / (rps[b] / n[b]), err[i]
    }
  }' "$WORK/results.txt"

if awk '$7 > 0 { bad = 1 } END { exit !bad }' "$WORK/results.txt"; then
  echo "license-validate: some requests failed (invalid answers or socket errors); the figures above are not comparable" >&2
  exit 1
fi
