#!/usr/bin/env bash
# The service load test: the service (embedded in-memory engine) in one JVM, the open-loop generator in another,
# loopback only. Seeds users, tweets, follows and products, then measures GET /api/users/{u}/tweets, GET /api/timeline,
# POST /api/tweets and POST /api/orders at fixed rates: req/s, p50/p99/p99.9, p99/p50, and the service JVM's CPU per
# request (for the writes also with their projections: each phase starts once the stream listener is idle, and a
# write is charged until the listener's last delivery after it). A rate of 0 skips its phases: to measure the writes
# at half their capacity (docs/benchmarks.md, "Service"), e.g. src/bench/service-load.sh 15 0 TWEET_RATE ORDER_RATE.
# Bounded: about 4 x (SECONDS + 10) s plus start-up and seeding (about 2.5 min with the defaults on an idle machine).
# usage (from the project root): src/bench/service-load.sh [SECONDS=15] [READ_RATE=2000] [TWEET_RATE=500] [ORDER_RATE=500]
# JFR=file.jfr records a profile of the service JVM (settings=profile) over the whole run.
# SERVICE_JVM="..." replaces the service JVM's flags (default -Xmx2g), e.g. SERVICE_JVM="-Xmx2g -XX:+UseZGC" for
# another collector: the tail of an open-loop run on two cores is mostly its pauses.
set -euo pipefail
SECONDS_PER_PHASE=${1:-15}
READ_RATE=${2:-2000}
TWEET_RATE=${3:-500}
ORDER_RATE=${4:-500}
PORT=${PORT:-0}   # 0: any free loopback port
cd "$(dirname "$0")/../.."
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
SERVICE_JVM=${SERVICE_JVM:--Xmx2g}
PROFILE=()
if [ -n "${JFR:-}" ]; then PROFILE=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"); fi
LOG=$(mktemp)
# shellcheck disable=SC2086 # the flags are words
java $SERVICE_JVM "${PROFILE[@]}" -cp "$CP" dev.singletable.bench.ServiceServer $((SECONDS_PER_PHASE * 8 + 400)) "$PORT" \
  > "$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do grep -q '^READY' "$LOG" && break; kill -0 $SERVICE 2>/dev/null || break; sleep 1; done
grep -q '^READY' "$LOG" || { cat "$LOG"; exit 1; }
read -r _ SERVICE_PORT SERVICE_PID < <(grep '^READY' "$LOG")
echo "jvm: $(java -version 2>&1 | head -1); cores: $(nproc)"
echo "load before: $(uptime)"
java -Xmx512m -cp "$CP" dev.singletable.bench.ServiceLoad "$SERVICE_PORT" "$SERVICE_PID" "$SECONDS_PER_PHASE" \
  "$READ_RATE" "$TWEET_RATE" "$ORDER_RATE"
echo "load after: $(uptime)"
