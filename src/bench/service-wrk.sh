#!/usr/bin/env bash
# The service's endpoints against their ceiling, with wrk (closed loop), in one run (issue 21, docs/benchmarks.md
# "Service"). The service (profile `bench`) runs in its own JVM; the same data as service-load.sh is seeded (plus two
# authors for the fan-out: `loner`, whom nobody follows, and `star`, whom every seeded user follows); then, one after
# the other, each path gets a short warm-up and a measured wrk run:
#   the ceiling (GET /api/users/{u}/tweets-ceiling: the bytes of GET /api/users/{u}/tweets from memory, through the
#   same filter chain; bench profile only), GET /api/users/{u}/tweets, GET /api/timeline, GET /api/products/{sku},
#   GET /api/users/{u}, POST /api/tweets (by user0: 10 followers), POST /api/tweets by loner (0 followers) and by star
#   (50 followers), POST /api/orders, and the ceiling again (to see drift on a shared machine).
# For each: req/s, p50/p99, errors, the service JVM's CPU per request (from /proc/<pid>/stat), the load average, and
# the throughput as a share of the ceiling's and the CPU as a multiple of the ceiling's (the better of its two runs:
# on a shared 2-core machine the first may still carry JIT work).
# Writes, projections included: a write's stream projections (timeline fan-out, counters, history) run on the stream
# listener after the request has been answered. Before every measured run the harness waits until the listener has
# delivered nothing for QUIET seconds (default 3; the listener polls at least once a second), and after a write's run
# it waits again and charges the CPU spent until the listener's last delivery to the write ("+proj" columns, with
# the time the listener needed after wrk stopped). It reads the listener's
# singletable.streams.records.processed counter from /actuator/metrics with the seeded admin's token.
# Stores (STORES="embedded engine local", default embedded): the same service on the embedded in-memory engine, in
# endpoint mode against our engine over the wire (`--engine-only -inMemory`, its own JVM), and in endpoint mode
# against DynamoDB Local's server (the test-scope DynamoDBLocal artifact, its own JVM); each store's table is printed,
# then a comparison. A store the service cannot start on is skipped with its error: DynamoDB Local 2.6.1, the newest on
# Maven Central, refuses the table's multi-attribute index ("Key Schema too big"; 3.3+ accepts it). In endpoint mode the store JVM's CPU per request is its own column and is added into "all CPU".
# Every path is first warmed for WARM_UP seconds (default 10) at the same concurrency, in a pass of its own before
# anything is measured, so the first path measured is not charged with the JIT compiling what all of them share.
# Loopback only, every process stopped by its PID on exit. Bounded per store: 9 x WARM_UP + 10 x SECONDS s, the
# settling (QUIET s per run, at most SETTLE_MAX s each, default 300) plus build, start-up and seeding.
# usage (from the project root): src/bench/service-wrk.sh [SECONDS=15] [CONNECTIONS=16]
# needs wrk: `apt-get install wrk` (Debian/Ubuntu; as root), `brew install wrk` (macOS); and curl.
# The service (and our engine in endpoint mode) runs on the packaged jar's class path, not the test class path
# (src/bench/service-classpath.sh says why; SERVICE_CLASSPATH=test measures the difference).
# SERVICE_JVM="..." adds JVM flags to the service (default -Xmx2g), e.g. a JFR recording:
#   SERVICE_JVM="-Xmx2g -XX:StartFlightRecording=filename=svc.jfr,settings=profile" src/bench/service-wrk.sh
# STORE_JVM="..." the same for the store's JVM in endpoint mode (default -Xmx2g).
# JAVA=/path/to/bin/java runs the service on another JDK (e.g. Java 21+, where spring.threads.virtual.enabled=true
# in application.yml serves requests on virtual threads).
# SERVICE_ARGS="--name=value ..." adds Spring arguments to the service (e.g. to measure a setting against its default).
# ONLY="tweets,ceiling" measures only those paths (names: ceiling tweets timeline product user post-tweet
# post-tweet-loner post-tweet-star post-order).
# REPEAT=N (default 1) measures the stores N times, alternately (STORES="embedded engine" REPEAT=3: embedded, engine,
# embedded, engine, embedded, engine; each a fresh service and store), and then prints, per path, each round's CPU
# per request of every store, its ratio to the first store's in the same round, and the median of those ratios: on a
# shared machine one store's figure can move by half between two runs a minute apart, so a single pair settles
# nothing. Each store run takes about 1.5 min with ONLY=post-tweet and 10 s runs on an idle 2-core machine (start-up,
# seeding, warm-up, run, drain), so REPEAT=3 with two stores about 9 min.
# Against our engine (store `engine`), the store's own request counter (GET /metrics on its port) also gives the
# store calls per request by operation: for a write, until the listener's last delivery (its projections' calls and
# the listener's rounds during the run included).
set -euo pipefail
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
SERVICE_JVM=${SERVICE_JVM:--Xmx2g}
STORE_JVM=${STORE_JVM:--Xmx2g}
ONLY=${ONLY:-}
WARM_UP=${WARM_UP:-10}
STORES=${STORES:-embedded}
QUIET=${QUIET:-3}
REPEAT=${REPEAT:-1}
SETTLE_MAX=${SETTLE_MAX:-300}
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk (Debian/Ubuntu), brew install wrk (macOS)"; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed"; exit 1; }
# CP (generators, DynamoDB Local) and SERVICE_CP (the service and our engine, as the packaged jar runs them)
# shellcheck source=src/bench/service-classpath.sh
. src/bench/service-classpath.sh
JAVA=${JAVA:-java}
TICK=$(getconf CLK_TCK)
LIFETIME=$((SECONDS_PER_RUN * 12 + WARM_UP * 10 + SETTLE_MAX * 3 + 600))
export DDB_LOCAL_TELEMETRY=0 AWS_EC2_METADATA_DISABLED=true

STARTED=()   # PIDs of every JVM this script started
FILES=()
stop_all() {
  # the last started first: the service stops (its stream listener gives its shard back) before its store goes away
  local i pid
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    pid=${STARTED[i]}
    stop_jvm "$pid"
  done
  STARTED=()
}
trap 'stop_all; rm -f "${FILES[@]:-}"' EXIT

# start_store STORE: sets STORE_PID (empty when embedded) and STORE_ARGS (the service's arguments for it)
start_store() {
  STORE_PID=""
  STORE_ARGS=""
  STORE_METRICS=""
  [ "$1" = embedded ] && return
  local port log
  port=$(free_port)
  log=$(mktemp)
  FILES+=("$log")
  case "$1" in
    engine)   # our engine alone, as `java -jar singletable.jar --engine-only` runs it
      start_engine "$port" "$log"
      ;;
    local)    # DynamoDB Local's server, in memory, no data but the service's own table
      # shellcheck disable=SC2086
      "$JAVA" $STORE_JVM -Dorg.sqlite.tmpdir=target -Dbench.empty=true -cp "$CP" dev.singletable.bench.WireServers \
        "$LIFETIME" "dynamodb-local=$port" > "$log" 2>&1 &
      ;;
    *) echo "unknown store $1 (embedded, engine or local)"; exit 1 ;;
  esac
  STORE_PID=$!
  STARTED+=("$STORE_PID")
  await_store "$port" "$STORE_PID" "$log"
  STORE_ARGS="--singletable.storage.mode=endpoint --singletable.storage.endpoint=http://127.0.0.1:$port"
  [ "$1" = engine ] && STORE_METRICS="http://127.0.0.1:$port/metrics"
}

# the store's answered operations so far, one "Operation count" line each, an error answer as "Operation(ErrorCode)"
# (our engine only: its /metrics page)
store_calls() {
  [ -n "$STORE_METRICS" ] || return 0
  curl -sf "$STORE_METRICS" | awk '/^singletable_engine_requests_seconds_count\{/ {
      match($0, /operation="[^"]*"/); op = substr($0, RSTART + 11, RLENGTH - 12)
      match($0, /error="[^"]*"/); error = substr($0, RSTART + 7, RLENGTH - 8)
      n[error == "none" ? op : op "(" error ")"] += $NF }
    END { for (op in n) printf "%s %d\n", op, n[op] }'
}

# calls_per_request BEFORE AFTER REQUESTS: "GetItem 1.00 PutItem 1.00 ..." (operations called at least once per 100)
calls_per_request() {
  awk -v n="$3" 'FNR == NR { before[$1] = $2; next } { d = $2 - before[$1]; if (d * 100 >= n) printf "%s %.2f ", $1, d / n }' \
    <(printf '%s\n' "$1") <(printf '%s\n' "$2") | sed 's/ $//'
}

cpu_ticks_of() { if [ -n "$1" ]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }
# the CPU ticks of the service's stream-listener thread (its projections; Linux shows the Java thread's name)
listener_ticks() {
  local t ticks=0
  for t in /proc/"$PID"/task/*; do
    [ "$(cat "$t/comm" 2>/dev/null)" = stream-listener ] && ticks=$(awk '{print $14 + $15}' "$t/stat")
  done
  echo "$ticks"
}

# wrk prints 850.00us, 1.23ms or 1.02s: in milliseconds
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
  else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }

processed() {
  curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" \
    "$BASE/actuator/metrics/singletable.streams.records.processed" | sed -n 's/.*"value":\([0-9.Ee+]*\).*/\1/p'
}

# settle: waits until the stream listener has delivered nothing for QUIET seconds (at most SETTLE_MAX s); sets
# SETTLED_SVC / SETTLED_STORE (CPU ticks) and SETTLED_NS (time) as they were at its last delivery, and SETTLED=1|0
settle() {
  local last count now quiet_since deadline
  SETTLED_SVC=$(cpu_ticks_of "$PID"); SETTLED_STORE=$(cpu_ticks_of "$STORE_PID"); SETTLED_NS=$(date +%s%N)
  SETTLED_LISTENER=$(listener_ticks)
  quiet_since=$SETTLED_NS
  deadline=$(( $(date +%s) + SETTLE_MAX ))
  last=$(processed)
  SETTLED=1
  while :; do
    sleep 0.2
    count=$(processed)
    now=$(date +%s%N)
    if [ "$count" != "$last" ]; then
      last=$count; quiet_since=$now
      SETTLED_SVC=$(cpu_ticks_of "$PID"); SETTLED_STORE=$(cpu_ticks_of "$STORE_PID"); SETTLED_NS=$now
      SETTLED_LISTENER=$(listener_ticks)
    fi
    (( now - quiet_since >= QUIET * 1000000000 )) && return
    if (( $(date +%s) >= deadline )); then SETTLED=0; echo "  the stream listener did not settle in ${SETTLE_MAX}s" >&2; return; fi
  done
}

# run NAME METHOD PATH [BODY [TOKEN]]; with MEASURE=0 only a warm-up of WARM_UP seconds
run() {
  local name=$1 method=$2 path=$3 body=${4:-} token=${5:-}
  if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]]; then return; fi
  if [ "${MEASURE:-1}" = 0 ]; then
    WRK_METHOD=$method WRK_BODY=$body WRK_TOKEN=$token wrk -t1 -c"$CONNECTIONS" -d"${WARM_UP}s" \
      -s src/bench/resources/wrk/service.lua "$BASE$path" > /dev/null
    return
  fi
  settle   # what earlier runs left to the stream listener is not charged to this one
  local load svc0 store0 listener0 start_ns end_ns svc1 store1 out calls0 calls1 calls=""
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  calls0=$(store_calls)
  svc0=$(cpu_ticks_of "$PID"); store0=$(cpu_ticks_of "$STORE_PID"); listener0=$(listener_ticks); start_ns=$(date +%s%N)
  out=$(WRK_METHOD=$method WRK_BODY=$body WRK_TOKEN=$token wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
    --latency -s src/bench/resources/wrk/service.lua "$BASE$path")
  svc1=$(cpu_ticks_of "$PID"); store1=$(cpu_ticks_of "$STORE_PID"); end_ns=$(date +%s%N)
  local rps p50 p99 requests errors svc_us store_us proj_us listener_us drain sustained="-"
  rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  per_request() { awk -v t="$1" -v hz="$TICK" -v n="$requests" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}'; }
  svc_us=$(per_request $((svc1 - svc0)))
  store_us=$(per_request $((store1 - store0)))
  proj_us="-"; listener_us="-"; drain="-"
  if [ "$method" = POST ]; then
    settle
    if [ "$SETTLED" = 1 ]; then
      proj_us=$(per_request $((SETTLED_SVC - svc0 + SETTLED_STORE - store0)))
      listener_us=$(per_request $((SETTLED_LISTENER - listener0)))
      drain=$(awk -v a="$SETTLED_NS" -v b="$end_ns" 'BEGIN {d = (a - b) / 1e9; printf "%.1f", d < 0 ? 0 : d}')
      sustained=$(awk -v n="$requests" -v a="$start_ns" -v b="$SETTLED_NS" -v c="$end_ns" \
        'BEGIN {e = (b > c ? b : c); printf "%.0f", n * 1e9 / (e - a)}')
      SUSTAINED[$name]=$sustained
    else
      proj_us="unsettled"
    fi
  fi
  calls1=$(store_calls)
  [ -n "$calls1" ] && calls=$(calls_per_request "$calls0" "$calls1" "$requests")
  [ -n "$calls" ] && CALLS+=("$name|$calls")
  if [ "$name" = ceiling ]; then
    [ "${#CEILING_RPS[@]}" -gt 0 ] && name=ceiling-last   # its second run: a row of its own in the comparison
    CEILING_RPS+=("$rps"); CEILING_CPU+=("$((svc_us + store_us))")
  fi
  RESULTS+=("$name|$method $path|$rps|$(ms "$p50")|$(ms "$p99")|${errors:-0}|$svc_us|$store_us|$proj_us|$listener_us|$drain|$load")
  echo "  measured $name: $rps req/s, $svc_us us service CPU + $store_us us store CPU each, with projections" \
    "$proj_us us, the listener thread's share $listener_us us (listener done ${drain}s after wrk: $sustained req/s" \
    "sustained; load $load)${calls:+; store calls per request: $calls}" >&2
}

paths() {
  run ceiling GET /api/users/user0/tweets-ceiling
  run tweets GET /api/users/user0/tweets
  run timeline GET /api/timeline "" "$TOKEN"
  run product GET /api/products/SKU-0
  run user GET /api/users/user0
  run post-tweet POST /api/tweets '{"text":"wrk tweet %N"}' "$TOKEN"
  run post-tweet-loner POST /api/tweets '{"text":"wrk tweet %N"}' "$LONER_TOKEN"
  run post-tweet-star POST /api/tweets '{"text":"wrk tweet %N"}' "$STAR_TOKEN"
  run post-order POST /api/orders '{"items":[{"sku":"SKU-1","quantity":1},{"sku":"SKU-8","quantity":2}]}' "$TOKEN"
}

SUMMARY=()
declare -A SUSTAINED=()
measure_store() {
  local store=$1 log
  start_store "$store"
  log=$(mktemp)
  FILES+=("$log")
  # shellcheck disable=SC2086
  "$JAVA" $SERVICE_JVM -cp "$SERVICE_CP" dev.singletable.bench.ServiceServer "$LIFETIME" 0 \
    --spring.profiles.active=bench $STORE_ARGS ${SERVICE_ARGS:-} > "$log" 2>&1 &
  local service=$!
  STARTED+=("$service")
  for _ in $(seq 1 300); do grep -q '^READY' "$log" && break; kill -0 $service 2>/dev/null || break; sleep 1; done
  if ! grep -q '^READY' "$log"; then
    # e.g. DynamoDB Local 2.6.1 (Maven Central's newest) refuses the table's multi-attribute index (OrdersByStatus):
    # "Key Schema too big"; DynamoDB Local 3.3+ (its Docker image) accepts it
    echo "== store: $store: the service did not start; skipped. Its last error:"
    grep -m1 -o 'Caused by: .*' "$log" || tail -5 "$log"
    stop_all
    return
  fi
  read -r _ PORT PID < <(grep '^READY' "$log")
  read -r TOKEN ADMIN_TOKEN LONER_TOKEN STAR_TOKEN < <(java -Xmx512m -cp "$CP" dev.singletable.bench.ServiceLoad \
    "$PORT" "$PID" seed | sed -n 's/^SEEDED //p')
  [ -n "${STAR_TOKEN:-}" ] || { echo "seeding failed; the service's first error:"; grep -m1 -A12 ' ERROR ' "$log"; exit 1; }
  BASE="http://127.0.0.1:$PORT"
  echo "== store: $store; service jvm: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc);" \
    "wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s; service args: ${SERVICE_ARGS:-none}"
  CEILING_RPS=()
  CEILING_CPU=()
  RESULTS=()
  CALLS=()
  MEASURE=0 paths   # the warm-up pass
  echo "  warmed every path for ${WARM_UP}s" >&2
  paths
  run ceiling GET /api/users/user0/tweets-ceiling
  stop_all
  # a projector's batch that failed and was applied record by record costs more calls: say so, with the messages
  # (those logged once the service was up: its start-up notices are not the run's)
  local warnings
  warnings=$(sed -n '/^READY/,$p' "$log" | grep -c -E ' (WARN|ERROR) ' || true)
  if [ "${warnings:-0}" -gt 0 ]; then
    echo "the service logged $warnings warnings and errors after its start; the kinds:"
    sed -n '/^READY/,$p' "$log" | grep -E ' (WARN|ERROR) ' | sed -E 's/^.*\] [^ ]+ +: //; s/[0-9]+/N/g' \
      | sort | uniq -c | sort -rn | head -5
  fi

  local ceiling_rps ceiling_cpu tweets_cpu=""
  ceiling_rps=$(printf '%s\n' "${CEILING_RPS[@]:-0}" | sort -g | tail -1)
  ceiling_cpu=$(printf '%s\n' "${CEILING_CPU[@]:-0}" | sort -g | head -1)
  printf '%-40s %7s %7s %7s %6s %8s %8s %8s %9s %8s %6s %6s %6s  %s\n' "path" "req/s" "p50 ms" "p99 ms" \
    "errors" "svc CPU" "store" "all CPU" "+proj" "listener" "drain" "x ceil" "CPU x" "load average (1 5 15)"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name label rps p50 p99 errors svc store_cpu proj listener drain load <<< "$row"
    [ "$name" = tweets ] && tweets_cpu=$((svc + store_cpu))
    SUMMARY+=("$ROUND|$store|$name|$label|$rps|$((svc + store_cpu))|$proj")
    awk -v label="$label" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" -v svc="$svc" -v st="$store_cpu" \
      -v proj="$proj" -v listener="$listener" -v drain="$drain" -v load="$load" -v crps="$ceiling_rps" -v ccpu="$ceiling_cpu" 'BEGIN {
        all = svc + st
        share = crps > 0 ? sprintf("%.0f%%", 100 * rps / crps) : "-"
        times = ccpu > 0 ? sprintf("%.1f", all / ccpu) : "-"
        printf "%-40s %7.0f %7s %7s %6s %8s %8s %8s %9s %8s %6s %6s %6s  %s\n", label, rps, p50, p99, e, svc, st,
          all, proj, listener, drain, share, times, load }'
  done
  echo "(CPU: microseconds per request of the service JVM (svc), the store's JVM (store, endpoint mode) and both;"
  echo " +proj: both JVMs' CPU per request until the stream listener's last delivery after the run, the projections"
  echo " included; listener: the stream-listener thread's CPU per request over the same time (the projections, without"
  echo " GC and JIT); drain: seconds the listener needed after wrk stopped (the rate the service sustains with its"
  echo " projections is requests / (run + drain): half of it is the open-loop rate of service-load.sh); x ceil:"
  echo " throughput as a share of the ceiling's best run; CPU x: all CPU over the ceiling's lowest)"
  for row in "${CALLS[@]:-}"; do
    [ -n "$row" ] && printf 'store calls per request, %-18s %s\n' "${row%%|*}:" "${row#*|}"
  done
  if [ -n "$tweets_cpu" ] && [ "$tweets_cpu" -gt 0 ]; then
    for row in "${RESULTS[@]}"; do
      IFS='|' read -r name label _ _ _ _ svc store_cpu proj listener _ _ <<< "$row"
      [[ "$name" == post-* ]] || continue
      awk -v label="$name" -v proj="$proj" -v listener="$listener" -v read="$tweets_cpu" \
        -v sustained="${SUSTAINED[$name]:--}" 'BEGIN {
        if (proj !~ /^[0-9]+$/) { printf "%-18s not settled\n", label; exit }
        printf "%-18s %5.1fx a read (GET /api/users/{u}/tweets: %d us) with its projections (%d us), %.1fx without" \
          " the listener thread (%d us); sustained with projections: %s req/s\n", label, proj / read, read, proj,
          (proj - listener) / read, listener, sustained }'
    done
  fi
  local loner="" star=""
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name _ _ _ _ _ _ _ proj _ _ _ <<< "$row"
    [ "$name" = post-tweet-loner ] && loner=$proj
    [ "$name" = post-tweet-star ] && star=$proj
  done
  if [[ "$loner" =~ ^[0-9]+$ && "$star" =~ ^[0-9]+$ ]]; then
    awk -v a="$loner" -v b="$star" 'BEGIN { printf "fan-out: %.1f us of CPU per follower ((star %d - loner %d) / 50 followers)\n", (b - a) / 50, b, a }'
  fi
}

for ROUND in $(seq 1 "$REPEAT"); do
  for store in $STORES; do
    [ "$REPEAT" -gt 1 ] && [ "$store" = "${STORES%% *}" ] && echo "== round $ROUND of $REPEAT"
    measure_store "$store"
  done
done
# the CPU per request of STORE's PATH in ROUND (with projections for a write), or nothing
cpu_of() {
  local row r s n proj all
  for row in "${SUMMARY[@]:-}"; do
    IFS='|' read -r r s n _ _ all proj <<< "$row"
    if [ "$r" = "$1" ] && [ "$s" = "$2" ] && [ "$n" = "$3" ]; then
      [ "$proj" = "-" ] && echo "$all" || echo "$proj"
      return
    fi
  done
}
if [ "$(wc -w <<< "$STORES")" -gt 1 ]; then
  first=${STORES%% *}
  echo "== the stores side by side: req/s, and all CPU per request (service + store JVM; writes: with projections)"
  for ROUND in $(seq 1 "$REPEAT"); do
    [ "$REPEAT" -gt 1 ] && echo "-- round $ROUND"
    printf '%-40s' "path"
    for store in $STORES; do printf ' %22s' "$store"; done
    echo
    for row in "${SUMMARY[@]}"; do
      IFS='|' read -r round store name label _ _ _ <<< "$row"
      [ "$round" = "$ROUND" ] && [ "$store" = "$first" ] || continue
      printf '%-40s' "$label"
      for other in $STORES; do
        cell="-"
        for candidate in "${SUMMARY[@]}"; do
          IFS='|' read -r r s n _ rps all proj <<< "$candidate"
          if [ "$r" = "$ROUND" ] && [ "$s" = "$other" ] && [ "$n" = "$name" ]; then
            [ "$proj" = "-" ] && cpu=$all || cpu=$proj
            cell=$(printf '%.0f/s %s us' "$rps" "$cpu")
          fi
        done
        printf ' %22s' "$cell"
      done
      echo
    done
  done
  echo "== CPU per request over $first's, round by round, and the median of the rounds"
  for row in "${SUMMARY[@]}"; do
    IFS='|' read -r round store name label _ _ _ <<< "$row"
    [ "$round" = 1 ] && [ "$store" = "$first" ] || continue
    for other in ${STORES#"$first"}; do
      ratios=()
      line=""
      for ROUND in $(seq 1 "$REPEAT"); do
        base=$(cpu_of "$ROUND" "$first" "$name"); cpu=$(cpu_of "$ROUND" "$other" "$name")
        if [[ "$base" =~ ^[0-9]+$ && "$cpu" =~ ^[0-9]+$ && "$base" -gt 0 ]]; then
          ratio=$(awk -v a="$cpu" -v b="$base" 'BEGIN {printf "%.2f", a / b}')
          ratios+=("$ratio")
          line+=" $cpu/$base=${ratio}x"
        else
          line+=" -"
        fi
      done
      median="-"
      if [ "${#ratios[@]}" -gt 0 ]; then
        median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{v[NR] = $1} END {
          printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')x
      fi
      printf '%-40s %-10s rounds:%s; median %s\n' "$label" "$other" "$line" "$median"
    done
  done
fi
