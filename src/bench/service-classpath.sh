# Sourced by service-wrk.sh and service-load.sh (from the project root): builds the project and the benchmarks, sets
# two class paths, and defines free_port, stop_jvm, start_engine and await_store.
#   CP          the test class path: the load generators, DynamoDB Local's server (WireServers), JMH.
#   SERVICE_CP  what the service and our engine run on in a benchmark: the main classes and the runtime dependencies,
#               as the packaged jar has them, plus ServiceServer alone (the benchmark's launcher). Not the test class
#               path: its test-only libraries change the service itself (DynamoDB Local's Jackson 2 CBOR and the
#               Jackson YAML module each add a message converter that every content negotiation asks), and the test
#               classes under dev.singletable would be scanned as components.
# Online, not -o: on a fresh machine the dependency plugin itself is not in ~/.m2 yet.
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -DincludeScope=test
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -DincludeScope=runtime
rm -rf target/bench-service
mkdir -p target/bench-service/dev/singletable/bench
cp target/test-classes/dev/singletable/bench/ServiceServer*.class target/bench-service/dev/singletable/bench/
# shellcheck disable=SC2034 # used by the scripts that source this one
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# shellcheck disable=SC2034
SERVICE_CP="target/classes:target/bench-service:$(cat target/runtime-classpath.txt)"
# SERVICE_CLASSPATH=test: the service on the test class path, as the benchmarks ran it before 2026-12-06 (to measure
# what the test-only libraries cost it)
if [ "${SERVICE_CLASSPATH:-}" = test ]; then SERVICE_CP=$CP; fi

# stop_jvm PID: SIGTERM, then SIGKILL if it has not exited within 30 s (a JVM out of heap may never run its shutdown:
# an in-memory store overrun by a write load was seen to hang so), then reaps it.
stop_jvm() {
  [ -n "${1:-}" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || break; sleep 1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# a free loopback port: a random one nobody answers on (the store binds it a moment later)
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# start_engine PORT LOG: our engine alone, in memory, as `java -jar singletable.jar --engine-only` runs it (the same
# main class), on $JAVA with the flags STORE_JVM (default -Xmx2g); its pid is then in $!
start_engine() {
  # shellcheck disable=SC2086 # the flags are words
  "${JAVA:-java}" ${STORE_JVM:--Xmx2g} -cp "$SERVICE_CP" dev.singletable.SingletableApplication --engine-only \
    -port "$1" -inMemory --singletable.engine.throttling.enabled=false > "$2" 2>&1 &
}

# await_store PORT PID LOG: returns once the store started as PID answers on PORT (at most 120 s); otherwise prints its
# LOG and ends the script
await_store() {
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 1
  done
  curl -s -o /dev/null "http://127.0.0.1:$1/" || { cat "$3"; exit 1; }
}
