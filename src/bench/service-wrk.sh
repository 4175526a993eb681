#!/usr/bin/env bash
# The service's endpoints against their ceiling, with wrk (closed loop), in one run (issue 21, docs/benchmarks.md
# "Service"). The service (embedded in-memory engine, profile `bench`) runs in its own JVM; the same data as
# service-load.sh is seeded; then, one after the other, each path gets a short warm-up and a measured wrk run:
#   the ceiling (GET /api/users/{u}/tweets-ceiling: the bytes of GET /api/users/{u}/tweets from memory, through the
#   same filter chain; bench profile only), GET /api/users/{u}/tweets, GET /api/timeline, GET /api/products/{sku},
#   GET /api/users/{u}, POST /api/tweets, POST /api/orders, and the ceiling again (to see drift on a shared machine).
# For each: req/s, p50/p99, errors, the service JVM's CPU per request (from /proc/<pid>/stat), the load average, and
# the throughput as a share of the ceiling's and the CPU as a multiple of the ceiling's (the better of its two runs:
# on a shared 2-core machine the first may still carry JIT work).
# Every path is first warmed for WARM_UP seconds (default 5) at the same concurrency, in a pass of its own before
# anything is measured, so the first path measured is not charged with the JIT compiling what all of them share.
# Loopback only. Bounded: 7 x WARM_UP + 8 x SECONDS s plus build, start-up and seeding (about 5 min with the defaults).
# usage (from the project root): src/bench/service-wrk.sh [SECONDS=15] [CONNECTIONS=16]
# needs wrk: `apt-get install wrk` (Debian/Ubuntu; as root), `brew install wrk` (macOS).
# SERVICE_JVM="..." adds JVM flags to the service (default -Xmx2g), e.g. a JFR recording:
#   SERVICE_JVM="-Xmx2g -XX:StartFlightRecording=filename=svc.jfr,settings=profile" src/bench/service-wrk.sh
# JAVA=/path/to/bin/java runs the service on another JDK (e.g. Java 21+, where spring.threads.virtual.enabled=true
# in application.yml serves requests on virtual threads).
# SERVICE_ARGS="--name=value ..." adds Spring arguments to the service (e.g. to measure a setting against its default).
# ONLY="tweets,ceiling" measures only those paths (names: ceiling tweets timeline product user post-tweet post-order).
set -euo pipefail
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
SERVICE_JVM=${SERVICE_JVM:--Xmx2g}
ONLY=${ONLY:-}
WARM_UP=${WARM_UP:-10}
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk (Debian/Ubuntu), brew install wrk (macOS)"; exit 1; }
./mvnw -q -B -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
LOG=$(mktemp)
JAVA=${JAVA:-java}
# shellcheck disable=SC2086
"$JAVA" $SERVICE_JVM -cp "$CP" dev.singletable.bench.ServiceServer $((SECONDS_PER_RUN * 10 + 600)) 0 \
  --spring.profiles.active=bench ${SERVICE_ARGS:-} > "$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do grep -q '^READY' "$LOG" && break; kill -0 $SERVICE 2>/dev/null || break; sleep 1; done
grep -q '^READY' "$LOG" || { cat "$LOG"; exit 1; }
read -r _ PORT PID < <(grep '^READY' "$LOG")
TOKEN=$(java -Xmx512m -cp "$CP" dev.singletable.bench.ServiceLoad "$PORT" "$PID" seed | sed -n 's/^SEEDED //p')
[ -n "$TOKEN" ] || { echo "seeding failed"; exit 1; }
BASE="http://127.0.0.1:$PORT"
TICK=$(getconf CLK_TCK)
echo "service jvm: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s; service args: ${SERVICE_ARGS:-none}"
printf '%-40s %9s %8s %8s %7s %10s %8s %8s  %s\n' "path" "req/s" "p50 ms" "p99 ms" "errors" "CPU us/req" \
  "x ceil" "CPU x" "load average (1 5 15)"

CEILING_RPS=()
CEILING_CPU=()
RESULTS=()
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

# run NAME METHOD PATH [BODY [TOKEN]]; with MEASURE=0 only a warm-up of WARM_UP seconds
run() {
  local name=$1 method=$2 path=$3 body=${4:-} token=${5:-}
  if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]]; then return; fi
  if [ "${MEASURE:-1}" = 0 ]; then
    WRK_METHOD=$method WRK_BODY=$body WRK_TOKEN=$token wrk -t1 -c"$CONNECTIONS" -d"${WARM_UP}s" \
      -s src/bench/resources/wrk/service.lua "$BASE$path" > /dev/null
    return
  fi
  local load before after out
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(cpu_ticks)
  out=$(WRK_METHOD=$method WRK_BODY=$body WRK_TOKEN=$token wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
    --latency -s src/bench/resources/wrk/service.lua "$BASE$path")
  after=$(cpu_ticks)
  local rps p50 p99 requests errors cpu_us
  rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  cpu_us=$(awk -v t="$((after - before))" -v hz="$TICK" -v n="$requests" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')
  if [ "$name" = ceiling ]; then CEILING_RPS+=("$rps"); CEILING_CPU+=("$cpu_us"); fi
  RESULTS+=("$name|$method $path|$rps|$(ms "$p50")|$(ms "$p99")|${errors:-0}|$cpu_us|$load")
  echo "  measured $name: $rps req/s, $cpu_us us CPU each (load $load)" >&2
}

# wrk prints 850.00us, 1.23ms or 1.02s: in milliseconds
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
  else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }

paths() {
  run ceiling GET /api/users/user0/tweets-ceiling
  run tweets GET /api/users/user0/tweets
  run timeline GET /api/timeline "" "$TOKEN"
  run product GET /api/products/SKU-0
  run user GET /api/users/user0
  run post-tweet POST /api/tweets '{"text":"wrk tweet %N"}' "$TOKEN"
  run post-order POST /api/orders '{"items":[{"sku":"SKU-1","quantity":1},{"sku":"SKU-8","quantity":2}]}' "$TOKEN"
}
MEASURE=0 paths   # the warm-up pass
echo "  warmed every path for ${WARM_UP}s" >&2
paths
run ceiling GET /api/users/user0/tweets-ceiling

ceiling_rps=$(printf '%s\n' "${CEILING_RPS[@]:-0}" | sort -g | tail -1)
ceiling_cpu=$(printf '%s\n' "${CEILING_CPU[@]:-0}" | sort -g | head -1)
for row in "${RESULTS[@]}"; do
  IFS='|' read -r name label rps p50 p99 errors cpu load <<< "$row"
  awk -v label="$label" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" -v cpu="$cpu" -v load="$load" \
    -v crps="$ceiling_rps" -v ccpu="$ceiling_cpu" 'BEGIN {
      share = crps > 0 ? sprintf("%.0f%%", 100 * rps / crps) : "-"
      times = ccpu > 0 ? sprintf("%.1f", cpu / ccpu) : "-"
      printf "%-40s %9.0f %8s %8s %7s %10s %8s %8s  %s\n", label, rps, p50, p99, e, cpu, share, times, load }'
done
echo "(x ceil: throughput as a share of the ceiling's best run; CPU x: service CPU per request over the ceiling's lowest)"
