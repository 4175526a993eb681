package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.EngineOptions;
import dev.singletable.engine.durability.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    @Param({"GROUP", "FSYNC", "NONE"})
    public String syncPolicy;

    private Path dir;
    private EmbeddedEngine engine;
    private DynamoDbClient client;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("singletable-durable-bench");
        engine = EmbeddedEngine.open(EngineOptions.durable(dir)
                .withSyncPolicy(EngineOptions.SyncPolicy.valueOf(syncPolicy), EngineOptions.DEFAULT_GROUP_COMMIT_WAIT));
        client = engine.dynamoDbClient();
        Engines.load(client);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private WriteAheadLog.Statistics before;

    @Setup(Level.Iteration)
    public void startIteration() {
        before = engine.logStatistics();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        WriteAheadLog.Statistics after = engine.logStatistics();
        long records = after.recordsWritten() - before.recordsWritten();
        long writes = after.osWrites() - before.osWrites();
        long forces = after.forces() - before.forces();
        System.out.printf("%n  [log %s] %d records, %d write() calls (%.1f records each), %d forces (%.1f records each)%n",
                syncPolicy, records, writes, records / (double) Math.max(1, writes), forces,
                forces == 0 ? 0.0 : records / (double) forces);
    }

    @Benchmark
    public void putItem() {
        Operations.PUT.run(client);
    }

}
