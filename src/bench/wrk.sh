#!/usr/bin/env bash
# GetItem and PutItem over the wire with wrk (canned request bodies, a low-overhead generator), our wire port against
# DynamoDB Local's server in the same run. Loopback only; bounded: about 2 x 2 x (SECONDS + 2) s plus start-up.
# usage (from the project root): src/bench/wrk.sh [SECONDS=20] [CONNECTIONS=32] [WRK_THREADS=1]
# needs wrk (Debian: apt-get install wrk); builds with ./mvnw -Pbench first.
set -euo pipefail
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
THREADS=${3:-1}
OURS=18000
LOCAL=18001
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
./mvnw -q -B -Pbench test-compile
./mvnw -q -B -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# each server in its own JVM (as WireLoad does), so neither pays for the other's threads, heap or JIT
LOG_OURS=$(mktemp)
LOG_LOCAL=$(mktemp)
export DDB_LOCAL_TELEMETRY=0 AWS_EC2_METADATA_DISABLED=true
java -Xmx2g -Dorg.sqlite.tmpdir=target -cp "$CP" \
  dev.singletable.bench.WireServers $((SECONDS_PER_RUN * 4 + 120)) singletable=$OURS > "$LOG_OURS" 2>&1 &
SERVER_OURS=$!
java -Xmx2g -Dorg.sqlite.tmpdir=target -cp "$CP" \
  dev.singletable.bench.WireServers $((SECONDS_PER_RUN * 4 + 120)) dynamodb-local=$LOCAL > "$LOG_LOCAL" 2>&1 &
SERVER_LOCAL=$!
trap 'kill $SERVER_OURS $SERVER_LOCAL 2>/dev/null || true; rm -f "$LOG_OURS" "$LOG_LOCAL"' EXIT
for log in "$LOG_OURS" "$LOG_LOCAL"; do
  for _ in $(seq 1 120); do grep -q READY "$log" && break; sleep 1; done
  grep -q READY "$log" || { cat "$log"; exit 1; }
done
echo "load: $(uptime)"
for op in get put; do
  for target in singletable:$OURS dynamodb-local:$LOCAL; do
    name=${target%%:*}; port=${target##*:}
    wrk -t1 -c4 -d2s -s src/bench/resources/wrk/$op.lua "http://127.0.0.1:$port/" > /dev/null   # warm-up
    echo "== $op $name (wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s src/bench/resources/wrk/$op.lua \
      "http://127.0.0.1:$port/" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in"
  done
done
echo "load: $(uptime)"
