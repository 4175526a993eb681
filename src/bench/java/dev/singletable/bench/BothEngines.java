package dev.singletable.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state the in-process benchmarks share: {@code engine} is a JMH parameter, so one run measures the bundled engine
 * and DynamoDB Local embedded with the same data ({@link Engines}) and gives both columns and their ratio.
 */
@State(Scope.Benchmark)
public abstract class BothEngines {

    @Param({"singletable", "dynamodb-local"})
    public String engine;

    protected Engines engines;

    @Setup(Level.Trial)
    public void setUp() {
        engines = Engines.open(engine);
        engines.load();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engines.close();
    }
}
