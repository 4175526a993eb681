package dev.singletable.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/** GetItem latency distribution under one thread (JMH SampleTime: p50, p99, p99.9 in microseconds), both engines. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class GetItemLatencyBenchmark {

    @Param({"singletable", "dynamodb-local"})
    public String engine;

    private Engines engines;

    @Setup(Level.Trial)
    public void setUp() {
        engines = Engines.open(engine);
        engines.load();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engines.close();
    }

    @Benchmark
    public Object getItem() {
        return engines.client.getItem(r -> r.tableName(Engines.TABLE).key(Engines.key(Operations.any(Engines.ITEMS))));
    }
}
