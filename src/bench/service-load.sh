#!/usr/bin/env bash
# The service load test: the service (embedded in-memory engine) in one JVM, the open-loop generator in another,
# loopback only. Seeds users, tweets, follows and products, then measures GET /api/users/{u}/tweets, GET /api/timeline,
# POST /api/tweets and POST /api/orders at fixed rates: req/s, p50/p99/p99.9, p99/p50, and the service JVM's CPU per
# request (for the writes also with their projections: each phase starts once the stream listener is idle, and a
# write is charged until the listener's last delivery after it). A rate of 0 skips its phases: to measure the writes
# at half their capacity (docs/benchmarks.md, "Service"), e.g. src/bench/service-load.sh 15 0 TWEET_RATE ORDER_RATE.
# Bounded: about 5 x (SECONDS + 10) s plus start-up and seeding (about 2.5 min with the defaults on an idle machine).
# usage (from the project root): src/bench/service-load.sh [SECONDS=15] [READ_RATE=2000] [TWEET_RATE=500] [ORDER_RATE=500]
#   [CEILING_RATE=0]: a rate above 0 measures the ceiling endpoint after the reads (the bytes of a page from memory,
#   same filter chain, nothing stored): the tail of a request without store work or kept data, the writes' control.
# JFR=file.jfr records a profile of the service JVM (settings=profile) over the whole run.
# SERVICE_JVM="..." replaces the service JVM's flags (default -Xmx2g), e.g. SERVICE_JVM="-Xmx2g -XX:+UseZGC" for
# another collector: the tail of an open-loop run on two cores is mostly its pauses.
# JAVA=/path/to/bin/java runs the service (and the store) on another JDK, e.g. Java 21+ for generational ZGC.
# STORE=engine runs the service in endpoint mode against our engine in its own JVM (`--engine-only -inMemory`, flags
# STORE_JVM, default -Xmx2g) instead of embedded: the engine's items and stream records then live in another heap, so
# the service's tail shows its own pauses (its CPU column is still the service JVM's alone).
set -euo pipefail
SECONDS_PER_PHASE=${1:-15}
READ_RATE=${2:-2000}
TWEET_RATE=${3:-500}
ORDER_RATE=${4:-500}
CEILING_RATE=${5:-0}
PORT=${PORT:-0}   # 0: any free loopback port
cd "$(dirname "$0")/../.."
# CP (the generator) and SERVICE_CP (the service and our engine, as the packaged jar runs them)
# shellcheck source=src/bench/service-classpath.sh
. src/bench/service-classpath.sh
SERVICE_JVM=${SERVICE_JVM:--Xmx2g}
JAVA=${JAVA:-java}
PROFILE=()
if [ -n "${JFR:-}" ]; then PROFILE=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"); fi
LOG=$(mktemp)
STORE_LOG=$(mktemp)
STORE_PID=""
STORE_ARGS=()
SERVICE=""
# the service first (its stream listener gives its shard back), then its store
trap 'stop_jvm "$SERVICE"; stop_jvm "$STORE_PID"; rm -f "$LOG" "$STORE_LOG"' EXIT
case "${STORE:-embedded}" in
  embedded) ;;
  engine)
    STORE_PORT=$(free_port)
    start_engine "$STORE_PORT" "$STORE_LOG"
    STORE_PID=$!
    await_store "$STORE_PORT" "$STORE_PID" "$STORE_LOG"
    STORE_ARGS=(--singletable.storage.mode=endpoint "--singletable.storage.endpoint=http://127.0.0.1:$STORE_PORT")
    ;;
  *) echo "unknown STORE ${STORE} (embedded or engine)"; exit 1 ;;
esac
# shellcheck disable=SC2086 # the flags are words
# the bench profile adds the ceiling endpoint (as in service-wrk.sh); nothing else
"$JAVA" $SERVICE_JVM "${PROFILE[@]}" -cp "$SERVICE_CP" dev.singletable.bench.ServiceServer $((SECONDS_PER_PHASE * 9 + 400)) "$PORT" \
  --spring.profiles.active=bench "${STORE_ARGS[@]}" > "$LOG" 2>&1 &
SERVICE=$!
for _ in $(seq 1 300); do grep -q '^READY' "$LOG" && break; kill -0 $SERVICE 2>/dev/null || break; sleep 1; done
grep -q '^READY' "$LOG" || { cat "$LOG"; exit 1; }
read -r _ SERVICE_PORT SERVICE_PID < <(grep '^READY' "$LOG")
echo "jvm: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); store: ${STORE:-embedded}"
echo "load before: $(uptime)"
java -Xmx512m -cp "$CP" dev.singletable.bench.ServiceLoad "$SERVICE_PORT" "$SERVICE_PID" "$SECONDS_PER_PHASE" \
  "$READ_RATE" "$TWEET_RATE" "$ORDER_RATE" "$CEILING_RATE"
echo "load after: $(uptime)"
