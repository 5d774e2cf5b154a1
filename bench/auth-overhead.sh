#!/usr/bin/env bash
# What API-key authentication and the API rate-limit check cost: wrk against Keel's GET /api/v1/me with an API key,
# against Keel's /health with and without that key (same server and pipeline; no limiter, no database) and against a
# bare Kestrel endpoint answering a body of the same shape (bench/Keel.Bench.Bare). All targets run in one session,
# alternated round by round, so noise on a shared machine hits each of them alike.
#
#   bench/auth-overhead.sh                   2 rounds of 15 s per target (about 2.7 minutes with a warm build)
#   DURATION=10s ROUNDS=1 bench/auth-overhead.sh
#
# Environment: DURATION (wrk -d, default 15s), ROUNDS (default 2), CONNECTIONS (default 64), THREADS (default 2),
# WARMUP (default 3s per target), API_PERMITS (Keel:Limits:Api:Permits, default 100000000: high enough that no
# request is refused, while the limiter still counts every request), NO_BUILD=1 to reuse the last Release build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3s}
API_PERMITS=${API_PERMITS:-100000000}
LOCK=/tmp/keel-build.lock

for tool in curl flock; do
  command -v "$tool" > /dev/null || { echo "auth-overhead: $tool is required" >&2; exit 1; }
done
if ! command -v wrk > /dev/null; then
  echo "== installing wrk"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  fi
fi

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "== building Release (waiting for $LOCK if another build holds it)"
  flock "$LOCK" dotnet build -c Release -v quiet -nologo src/Keel.Server/Keel.Server.csproj
  flock "$LOCK" dotnet build -c Release -v quiet -nologo bench/Keel.Bench.Bare/Keel.Bench.Bare.csproj
fi
KEEL_DLL=src/Keel.Server/bin/Release/net10.0/Keel.Server.dll
BARE_DLL=bench/Keel.Bench.Bare/bin/Release/net10.0/Keel.Bench.Bare.dll

WORK=$(mktemp -d /tmp/keel-auth-overhead.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A loopback port nothing listens on (bash's /dev/tcp connect fails on a free port).
free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 20000 ))
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
  echo "auth-overhead: $name did not answer at $url; its log:" >&2
  cat "$log" >&2
  exit 1
}

BARE_PORT=$(free_port)
dotnet "$BARE_DLL" --urls="http://127.0.0.1:$BARE_PORT" --Logging:LogLevel:Default=Warning > "$WORK/bare.log" 2>&1 &
PIDS+=($!)
KEEL_PORT=$(free_port)
while [ "$KEEL_PORT" = "$BARE_PORT" ]; do KEEL_PORT=$(free_port); done
dotnet "$KEEL_DLL" --urls="http://127.0.0.1:$KEEL_PORT" --Keel:DataDirectory="$WORK/keel-data" \
  --Keel:PublicUrl="http://127.0.0.1:$KEEL_PORT" --Keel:Limits:Api:Permits="$API_PERMITS" \
  --Logging:LogLevel:Default=Warning > "$WORK/keel.log" 2>&1 &
PIDS+=($!)

BARE_URL="http://127.0.0.1:$BARE_PORT/api/v1/me"
HEALTH_URL="http://127.0.0.1:$KEEL_PORT/health"
ME_URL="http://127.0.0.1:$KEEL_PORT/api/v1/me"
wait_for "$BARE_URL" "the bare endpoint" "$WORK/bare.log"
wait_for "$HEALTH_URL" "Keel" "$WORK/keel.log"

echo "== registering bench@keel.test and creating an API key"
curl -fsS -o /dev/null -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"bench@keel.test","password":"bench-password-123"}' "http://127.0.0.1:$KEEL_PORT/api/v1/auth/register"
KEY=$(curl -fsS -b "$WORK/cookies" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$KEEL_PORT/api/v1/api-keys" | sed -n 's/.*"secret":"\(keel_[^"]*\)".*/\1/p')
[ -n "$KEY" ] || { echo "auth-overhead: no API key in the answer" >&2; exit 1; }
ME_BODY=$(curl -fsS -H "Authorization: Bearer $KEY" "$ME_URL")
echo "   /api/v1/me with the key: ${#ME_BODY} bytes: $ME_BODY"
BARE_BODY=$(curl -fsS "$BARE_URL")
echo "   bare endpoint:           ${#BARE_BODY} bytes"

# Each target as "label|url|header" (header may be empty).
# /health with the key isolates key authentication: the authentication middleware resolves the key on every request
# (hash, cache lookup, principal), while /health has no rate limit and no database query.
TARGETS=(
  "bare /api/v1/me|$BARE_URL|"
  "keel /health|$HEALTH_URL|"
  "keel /health + key|$HEALTH_URL|Authorization: Bearer $KEY"
  "keel /api/v1/me + key|$ME_URL|Authorization: Bearer $KEY"
)

run_wrk() {
  local duration=$1 url=$2 header=$3 out=$4
  if [ -n "$header" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -H "$header" "$url" > "$out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$url" > "$out"
  fi
}

echo "== warming up ($WARMUP per target)"
for target in "${TARGETS[@]}"; do
  IFS='|' read -r label url header <<< "$target"
  run_wrk "$WARMUP" "$url" "$header" "$WORK/warmup.txt"
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
printf '%-24s %6s %12s %9s %9s %8s\n' target round req/s p50_ms p99_ms errors
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!TARGETS[@]}"; do
    IFS='|' read -r label url header <<< "${TARGETS[$i]}"
    out="$WORK/run-$i-$round.txt"
    run_wrk "$DURATION" "$url" "$header" "$out"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
    socket=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
    errors=$(( ${non2xx:-0} + ${socket:-0} ))
    printf '%-24s %6s %12s %9s %9s %8s\n' "$label" "$round" "$rps" "$p50" "$p99" "$errors"
    echo "$i $rps $p50 $p99 $errors" >> "$WORK/results.txt"
  done
done

echo
echo "== summary (mean of $ROUNDS round(s); % of bare = req/s relative to the bare endpoint)"
awk -v labels="$(printf '%s\n' "${TARGETS[@]}" | cut -d'|' -f1 | paste -sd'|')" '
  { n[$1]++; rps[$1] += $2; p50[$1] += $3; p99[$1] += $4; err[$1] += $5 }
  END {
    split(labels, name, "|")
    printf "| %-22s | %9s | %8s | %8s | %9s | %6s |\n", "endpoint", "req/s", "p50 ms", "p99 ms", "% of bare", "errors"
    printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------", "-----------", "----------", "----------", "-----------", "--------"
    for (i = 0; i in n; i++)
      printf "| %-22s | %9.0f | %8.2f | %8.2f | %8.1f%% | %6d |\n", name[i + 1], rps[i] / n[i], p50[i] / n[i], p99[i] / n[i],
        100 * rps[i] / rps[0], err[i]
    printf "\nkeel /api/v1/me + key: %.1f%% of the bare throughput, %.1f%% of keel /health\n", 100 * rps[3] / rps[0], 100 * rps[3] / rps[1]
    printf "keel /health + key:    %.1f%% of keel /health (the cost of resolving the key alone)\n", 100 * rps[2] / rps[1]
  }' "$WORK/results.txt"

if awk '$5 > 0 { bad = 1 } END { exit !bad }' "$WORK/results.txt"; then
  echo "auth-overhead: some requests failed (non-2xx or socket errors); the figures above are not comparable" >&2
  exit 1
fi
