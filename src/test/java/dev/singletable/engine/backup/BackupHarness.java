package dev.singletable.engine.backup;

import dev.singletable.engine.client.EngineDynamoDbClient;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.DurableStore;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An engine with backups wired as EmbeddedEngine wires them, with access to the service for engine-level tests. */
final class BackupHarness implements AutoCloseable {

    final Engine engine;
    final DurableStore store;
    final BackupService service;
    /** The SDK interface over the backup operations only (the other operations are not wired here). */
    final DynamoDbClient client;

    private BackupHarness(Engine engine, DurableStore store, BackupService service) {
        this.engine = engine;
        this.store = store;
        this.service = service;
        this.client =
                new EngineDynamoDbClient(null, null, null, null, null, null, null, new BackupOperations(service), null);
    }

    static BackupHarness inMemory(Clock clock) {
        Engine engine = new Engine(EngineOptions.inMemory().withClock(clock));
        BackupService service = BackupService.inMemory(engine);
        service.listeners().forEach(engine::addListener);
        return new BackupHarness(engine, null, service);
    }

    static BackupHarness durable(Path dir, Clock clock) {
        Engine engine = new Engine(EngineOptions.durable(dir).withClock(clock));
        DurableStore store = DurableStore.open(engine.options(), engine);
        BackupService service = BackupService.durable(engine, store);
        store.recover(() -> service.listeners().forEach(engine::addListener));
        service.recovered();
        return new BackupHarness(engine, store, service);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
