package dev.singletable.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** GetItem latency distribution under one thread (JMH SampleTime: p50, p99, p99.9 in microseconds), both engines. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class GetItemLatencyBenchmark extends BothEngines {

    @Benchmark
    public void getItem() {
        Operations.GET.run(engines.client);
    }
}
