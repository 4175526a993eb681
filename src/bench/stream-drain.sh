#!/usr/bin/env bash
# How fast the stream projections drain in endpoint mode, and which store calls they make (issue 21,
# docs/benchmarks.md "Service: the writes", endpoint mode). Starts our engine alone (`--engine-only -inMemory`, its own
# JVM) and the service (profile `bench`) in endpoint mode against it, seeds the data of service-wrk.sh, waits until the
# stream listener is idle, posts tweets by user0 (10 followers) with wrk for SECONDS, waits until the listener has
# delivered nothing for 3 s, and prints: the tweets posted, when the listener finished, the CPU of both JVMs, and the
# engine's own per-operation request counts and handler time (its Prometheus /metrics) over that window.
# Loopback only; both JVMs stopped by their PIDs on exit.
# usage (from the project root, after `./mvnw -q -Pbench test-compile dependency:build-classpath
#   -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test`): src/bench/stream-drain.sh [SECONDS=8]
# EXTRA_CP="dir:" puts classes ahead of target/classes (e.g. an older build of a class, for an A/B in one session).
set -euo pipefail
SECONDS_OF_POSTS=${1:-8}
cd "$(dirname "$0")/../.."
CP="${EXTRA_CP:-}target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT
port=$((20000 + RANDOM % 40000))
java -Xmx1g -cp "$CP" dev.singletable.SingletableApplication --engine-only -port "$port" -inMemory \
  --singletable.engine.throttling.enabled=false > "$WORK/engine.log" 2>&1 &
ENGINE=$!; PIDS+=("$ENGINE")
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
java -Xmx1g -cp "$CP" dev.singletable.bench.ServiceServer 3000 0 --spring.profiles.active=bench \
  --singletable.storage.mode=endpoint --singletable.storage.endpoint="http://127.0.0.1:$port" > "$WORK/service.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
for _ in $(seq 1 300); do grep -q '^READY' "$WORK/service.log" && break; sleep 1; done
read -r _ PORT _ < <(grep '^READY' "$WORK/service.log")
read -r TOKEN ADMIN_TOKEN _ _ < <(java -Xmx512m -cp "$CP" dev.singletable.bench.ServiceLoad "$PORT" "$SERVICE" seed \
  | sed -n 's/^SEEDED //p')
BASE=http://127.0.0.1:$PORT
processed() {
  curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/actuator/metrics/singletable.streams.records.processed" \
    | sed -n 's/.*"value":\([0-9.Ee+]*\).*/\1/p'
}
settle() {   # until the listener has delivered nothing for 3 s (15 polls)
  local last quiet=0 count
  last=$(processed)
  while [ $quiet -lt 15 ]; do
    sleep 0.2; count=$(processed)
    if [ "$count" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; last=$count; fi
  done
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
settle
curl -s "http://127.0.0.1:$port/metrics" > "$WORK/before.txt"
p0=$(processed); t0=$(date +%s%N); e0=$(ticks "$ENGINE"); s0=$(ticks "$SERVICE")
posted=$(WRK_METHOD=POST WRK_BODY='{"text":"drain tweet %N"}' WRK_TOKEN=$TOKEN wrk -t1 -c16 -d"${SECONDS_OF_POSTS}s" \
  -s src/bench/resources/wrk/service.lua "$BASE/api/tweets" | awk '/requests in/ {print $1}')
t1=$(date +%s%N)
settle
t2=$(( $(date +%s%N) - 3000000000 )); p1=$(processed)
e1=$(ticks "$ENGINE"); s1=$(ticks "$SERVICE")
curl -s "http://127.0.0.1:$port/metrics" > "$WORK/after.txt"
awk -v n="$posted" -v a="$t0" -v b="$t1" -v c="$t2" -v r="$(awk -v x="$p0" -v y="$p1" 'BEGIN {print y - x}')" \
  -v cpu="$(( s1 - s0 + e1 - e0 ))" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "%d tweets posted in %.1f s; listener done %.1f s after wrk (%d records): %.0f tweets/s sustained; " \
    "CPU of both JVMs %.1f ms per tweet; load %s\n", n, (b - a) / 1e9, (c - b) / 1e9, r, n * 1e9 / (c - a),
    cpu * 1000 / hz / n, load }'
# the engine's requests over the window, per operation: count, per tweet, handler time
join -t'|' -a2 -e0 -o 0,1.2,2.2 \
  <(grep -E '^singletable_engine_requests_seconds_(count|sum)' "$WORK/before.txt" | sed 's/ /|/' | sort) \
  <(grep -E '^singletable_engine_requests_seconds_(count|sum)' "$WORK/after.txt" | sed 's/ /|/' | sort) \
  | awk -F'|' -v n="$posted" '{ d = $3 - $2; if (d <= 0) next
      match($1, /operation="[A-Za-z]+"/); op = substr($1, RSTART + 11, RLENGTH - 12)
      if ($1 ~ /_count/) c[op] += d; else s[op] += d }
    END { for (o in c) printf "  %-20s %7d calls %6.2f per tweet %8.0f ms in the engine %7.3f ms each\n", o, c[o],
      c[o] / n, s[o] * 1000, s[o] * 1000 / c[o] }' | sort -k2 -nr
