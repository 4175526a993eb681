package dev.singletable.engine;

import dev.singletable.engine.backup.BackupOperations;
import dev.singletable.engine.backup.BackupService;
import dev.singletable.engine.client.EngineDynamoDbClient;
import dev.singletable.engine.client.EngineStreamsClient;
import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.DurableStore;
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
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One account's tables in one region: the engine core with its own log and snapshots (a durable namespace keeps
 * them in its own directory), streams, backups, TTL sweeper and clients. {@link EmbeddedEngine} holds one per
 * (account, region) that a request has named, as AWS keeps every region's tables apart.
 */
final class RegionEngine implements AutoCloseable {

    /** What a namespace gets from outside before it recovers: listeners and snapshot sections of other subsystems. */
    interface Attachments {
        Attachments NONE = new Attachments() {};

        /** Listeners that must see every mutation, the replayed ones of a durable namespace included. */
        default List<CommitListener> listeners(Engine engine) {
            return List.of();
        }

        /**
         * Before recovery: state of other subsystems saved in this namespace's snapshots, and replayers of their log
         * records ({@code store} is null for a namespace kept in memory).
         */
        default void beforeRecovery(Engine engine, @Nullable DurableStore store) {}
    }

    private final EngineOptions options;
    private final Engine engine;
    /** Null for a namespace kept in memory. */
    private final @Nullable DurableStore store;

    private final TtlSweeper ttl;
    private final IndexTransitions indexTransitions;
    private final EngineDynamoDbClient dynamo;
    private final EngineStreamsClient streams;

    RegionEngine(EngineOptions options, ToLongFunction<Map<String, AttributeValue>> sizer, Attachments attachments) {
        this.options = options;
        this.engine = new Engine(options);
        StreamStore streamStore = new StreamStore();
        BackupService backups;
        if (options.inMemoryOnly()) {
            this.store = null;
            backups = BackupService.inMemory(engine);
            attachments.beforeRecovery(engine, null);
            attachListeners(streamStore, backups, sizer, attachments);
        } else {
            this.store = DurableStore.open(options, engine);
            try {
                store.addSection(streamStore.snapshotSection());
                attachments.beforeRecovery(engine, store);
                backups = BackupService.durable(engine, store);
                BackupService registered = backups;
                store.recover(() -> attachListeners(streamStore, registered, sizer, attachments));
                backups.recovered();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        this.indexTransitions = new IndexTransitions(engine);
        // an index a stop left CREATING or DELETING is settled now
        indexTransitions.settleAll();
        this.dynamo = new EngineDynamoDbClient(
                new TableOperations(engine, indexTransitions),
                new ItemOperations(engine),
                new QueryOperations(engine),
                new ScanOperations(engine),
                new BatchOperations(engine),
                new TransactionOperations(engine),
                new AccountOperations(engine),
                new BackupOperations(backups),
                new PolicyOperations(engine));
        this.streams = new EngineStreamsClient(new StreamsService(streamStore, options.clock(), options.region()));
        this.ttl = new TtlSweeper(engine, options.ttlSweepInterval());
        ttl.start();
    }

    /** Listeners see every mutation; a durable engine attaches them before replaying its log, so they see those too. */
    private void attachListeners(
            StreamStore streamStore,
            BackupService backups,
            ToLongFunction<Map<String, AttributeValue>> sizer,
            Attachments attachments) {
        engine.addListener(new StreamRecorder(engine, streamStore, sizer));
        backups.listeners().forEach(engine::addListener);
        attachments.listeners(engine).forEach(engine::addListener);
    }

    EngineOptions options() {
        return options;
    }

    String region() {
        return options.region();
    }

    String accountId() {
        return options.accountId();
    }

    Engine core() {
        return engine;
    }

    EngineDynamoDbClient dynamoDbClient() {
        return dynamo;
    }

    EngineStreamsClient dynamoDbStreamsClient() {
        return streams;
    }

    @Nullable
    DurableStore store() {
        return store;
    }

    int sweepExpiredItems() {
        return ttl.sweep();
    }

    @Override
    public void close() {
        ttl.close();
        indexTransitions.close();
        if (store != null) {
            store.close();
        }
    }
}
