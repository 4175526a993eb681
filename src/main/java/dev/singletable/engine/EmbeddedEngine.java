package dev.singletable.engine;

import dev.singletable.engine.backup.BackupOperations;
import dev.singletable.engine.backup.BackupService;
import dev.singletable.engine.capacity.CapacityCounters;
import dev.singletable.engine.client.EngineDynamoDbClient;
import dev.singletable.engine.client.EngineStreamsClient;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.durability.DurableStore;
import dev.singletable.engine.durability.WriteAheadLog;
import dev.singletable.engine.ops.AccountOperations;
import dev.singletable.engine.ops.BatchOperations;
import dev.singletable.engine.ops.IndexTransitions;
import dev.singletable.engine.ops.ItemOperations;
import dev.singletable.engine.ops.PolicyOperations;
import dev.singletable.engine.ops.QueryOperations;
import dev.singletable.engine.ops.ScanOperations;
import dev.singletable.engine.ops.TableOperations;
import dev.singletable.engine.ops.TransactionOperations;
import dev.singletable.engine.streams.StreamRecorder;
import dev.singletable.engine.streams.StreamStore;
import dev.singletable.engine.streams.StreamsService;
import dev.singletable.engine.ttl.TtlSweeper;
import dev.singletable.engine.value.AttributeValues;
import java.util.Map;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The bundled DynamoDB-compatible engine, in-process. Hand its clients to any code written against the AWS SDK v2:
 * <pre>
 * try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
 *     DynamoDbClient dynamo = engine.dynamoDbClient();
 *     ...
 * }
 * </pre>
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final Engine engine;
    private final DurableStore store;
    private final TtlSweeper ttl;
    private final IndexTransitions indexTransitions;
    private final EngineDynamoDbClient dynamo;
    private final EngineStreamsClient streams;

    private EmbeddedEngine(EngineOptions options, ToLongFunction<Map<String, AttributeValue>> sizer) {
        this.engine = new Engine(options);
        StreamStore streamStore = new StreamStore();
        BackupService backups;
        if (options.inMemoryOnly()) {
            this.store = null;
            backups = BackupService.inMemory(engine);
            attachListeners(streamStore, backups, sizer);
        } else {
            this.store = DurableStore.open(options, engine);
            try {
                store.addSection(streamStore.snapshotSection());
                backups = BackupService.durable(engine, store);
                BackupService registered = backups;
                store.recover(() -> attachListeners(streamStore, registered, sizer));
                backups.recovered();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        this.indexTransitions = new IndexTransitions(engine);
        // an index a stop left CREATING or DELETING is settled now
        indexTransitions.settleAll();
        this.dynamo = new EngineDynamoDbClient(new TableOperations(engine, indexTransitions),
                new ItemOperations(engine), new QueryOperations(engine), new ScanOperations(engine),
                new BatchOperations(engine), new TransactionOperations(engine), new AccountOperations(engine), new BackupOperations(backups),
                new PolicyOperations(engine));
        this.streams = new EngineStreamsClient(new StreamsService(streamStore, options.clock(), options.region()));
        this.ttl = new TtlSweeper(engine, options.ttlSweepInterval());
        ttl.start();
    }

    /** Listeners see every mutation; a durable engine attaches them before replaying its log, so they see those too. */
    private void attachListeners(StreamStore streamStore, BackupService backups,
            ToLongFunction<Map<String, AttributeValue>> sizer) {
        engine.addListener(new StreamRecorder(engine, streamStore, sizer));
        backups.listeners().forEach(engine::addListener);
    }

    public static EmbeddedEngine inMemory() {
        return open(EngineOptions.inMemory());
    }

    /**
     * Opens an engine: in memory when the options name no data directory, otherwise durable, recovering whatever the
     * directory holds (and refusing to start on a damaged log or snapshot, or on a directory another engine holds).
     */
    public static EmbeddedEngine open(EngineOptions options) {
        return new EmbeddedEngine(options, AttributeValues::itemSize);
    }

    /** Opens an engine that sizes stream records' keys with the given function (engine-level tests). */
    static EmbeddedEngine open(EngineOptions options, ToLongFunction<Map<String, AttributeValue>> sizer) {
        return new EmbeddedEngine(options, sizer);
    }

    public DynamoDbClient dynamoDbClient() {
        return dynamo;
    }

    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        return streams;
    }

    /** Consumed and throttled capacity units per table and index, for monitoring. */
    public CapacityCounters capacity() {
        return engine.capacity().counters();
    }

    /** The engine core, for the engine's own tooling and tests. */
    public Engine core() {
        return engine;
    }

    /** Takes a snapshot now (durable engines; a no-op in memory). */
    public void snapshot() {
        if (store != null) {
            store.snapshot();
        }
    }

    /** The write-ahead log's record and system-call counts (durable engines; null in memory): for benchmarks. */
    public WriteAheadLog.Statistics logStatistics() {
        return store == null ? null : store.logStatistics();
    }

    /** Deletes expired items now rather than at the next sweep; returns how many. */
    public int sweepExpiredItems() {
        return ttl.sweep();
    }

    /** Stops background work, snapshots a durable engine so the next start replays nothing, releases the directory. */
    @Override
    public void close() {
        ttl.close();
        indexTransitions.close();
        if (store != null) {
            store.close();
        }
    }
}
