package dev.singletable.engine;

import dev.singletable.engine.client.EngineDynamoDbClient;
import dev.singletable.engine.client.EngineStreamsClient;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.ops.AccountOperations;
import dev.singletable.engine.ops.BatchOperations;
import dev.singletable.engine.ops.ItemOperations;
import dev.singletable.engine.ops.QueryOperations;
import dev.singletable.engine.ops.ScanOperations;
import dev.singletable.engine.ops.TableOperations;
import dev.singletable.engine.ops.TransactionOperations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
    private final EngineDynamoDbClient dynamo;
    private final EngineStreamsClient streams;

    private EmbeddedEngine(EngineOptions options) {
        this.engine = new Engine(options);
        this.dynamo = new EngineDynamoDbClient(new TableOperations(engine), new ItemOperations(engine),
                new QueryOperations(engine), new ScanOperations(engine), new BatchOperations(engine),
                new TransactionOperations(engine), new AccountOperations(engine));
        this.streams = new EngineStreamsClient();
    }

    public static EmbeddedEngine inMemory() {
        return open(EngineOptions.inMemory());
    }

    /** Opens an engine. Durable storage arrives with its own issue: until then every engine keeps its data in memory. */
    public static EmbeddedEngine open(EngineOptions options) {
        return new EmbeddedEngine(options);
    }

    public DynamoDbClient dynamoDbClient() {
        return dynamo;
    }

    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        return streams;
    }

    @Override
    public void close() {
        // nothing held outside the heap yet
    }
}
