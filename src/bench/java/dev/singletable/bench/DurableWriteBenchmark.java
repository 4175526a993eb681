package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.WriteAheadLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * PutItem of 1 KB items into a durable engine (write-ahead log in a temporary directory) under each sync policy,
 * from 8 threads: group commit lets concurrent writers share one OS write and (FSYNC, GROUP) one fsync. After each
 * iteration it prints how many log records each write() and each fsync covered, evidence that does not depend on
 * how busy the machine is. DynamoDB Local has no such setting; its in-memory PutItem figure is in
 * {@link EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class DurableWriteBenchmark {

    /** MEMORY: the same load on an in-memory engine, the reference for what the log adds. */
    @Param({"GROUP", "FSYNC", "NONE", "MEMORY"})
    public String syncPolicy;

    private Path dir;
    private EmbeddedEngine engine;
    private DynamoDbClient client;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("singletable-durable-bench");
        engine = Engines.openForWrites(
                dir, syncPolicy.equals("MEMORY") ? null : EngineOptions.SyncPolicy.valueOf(syncPolicy));
        client = engine.dynamoDbClient();
        Engines.load(client);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        Engines.deleteTree(dir);
    }

    private WriteAheadLog.Statistics before;
    private long cpuBefore;
    private long putsBefore;
    private final LongAdder puts = new LongAdder();

    @Setup(Level.Iteration)
    public void startIteration() {
        before = engine.logStatistics();
        cpuBefore = processCpuNanos();
        putsBefore = puts.sum();
    }

    /**
     * Prints what does not depend on how busy the machine is: records per write() and per fsync, and the process's
     * CPU time per PutItem (2 cores / that = the rate two idle cores could sustain, harness included).
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long ops = puts.sum() - putsBefore;
        double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, ops);
        System.out.printf(
                "%n  [%s] %d puts, %.1f us CPU per put (2 cores / that = %.0f/s)",
                syncPolicy, ops, cpuMicros, 2e6 / cpuMicros);
        WriteAheadLog.Statistics after = engine.logStatistics();
        if (after != null) {
            long records = after.recordsWritten() - before.recordsWritten();
            long writes = after.osWrites() - before.osWrites();
            long forces = after.forces() - before.forces();
            System.out.printf(
                    "; log: %d records, %d write() calls (%.1f records each), %d forces (%.1f records each)",
                    records,
                    writes,
                    records / (double) Math.max(1, writes),
                    forces,
                    forces == 0 ? 0.0 : records / (double) forces);
        }
        System.out.println();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Benchmark
    public void putItem() {
        Operations.PUT.run(client);
        puts.increment();
    }
}
