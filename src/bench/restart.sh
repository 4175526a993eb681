#!/usr/bin/env bash
# Restart time of a durable engine holding COUNT items (~250 B, ~10 attributes, one GSI projecting ALL), with and
# without a snapshot: writes the log (then halts, as a crash would), copies it and compacts the copy into a snapshot,
# then opens each directory RUNS times. Prints recovery time, wall and CPU seconds (user + sys, all threads) and max
# RSS per open, and `uptime` before and after. Bounded: about 5 min for 10^6 items on an idle 2-core machine.
# usage (from the project root): src/bench/restart.sh [COUNT=1000000] [RUNS=3] [WORK_DIR=/tmp/singletable-restart]
set -euo pipefail
COUNT=${1:-1000000}
RUNS=${2:-3}
WORK=${3:-/tmp/singletable-restart}
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/restart-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/restart-classpath.txt)"
BENCH="java -Xmx6g -cp $CP dev.singletable.engine.durability.RestartBenchmark"
quiet() { grep -v -E ' (DEBUG|INFO) ' || true; }
rm -rf "$WORK" && mkdir -p "$WORK"
echo "java: $(java -version 2>&1 | head -1)"
$BENCH write-log "$WORK/log" "$COUNT" 2>&1 | quiet
cp -r "$WORK/log" "$WORK/snap"
$BENCH compact "$WORK/snap" 2>&1 | quiet
echo "log: $(du -sh "$WORK/log" | cut -f1), snapshot: $(du -sh "$WORK/snap" | cut -f1)"
echo "load before: $(uptime)"
for dir in snap log; do
  for run in $(seq 1 "$RUNS"); do
    echo -n "open $dir #$run: "
    /usr/bin/time -f "%e s wall, %U s user + %S s sys, max RSS %M KB" $BENCH open "$WORK/$dir" 2>&1 | quiet | tr '\n' ' '
    echo
  done
done
echo "load after: $(uptime)"
rm -rf "$WORK"
