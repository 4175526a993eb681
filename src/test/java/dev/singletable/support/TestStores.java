package dev.singletable.support;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.singletable.table.TableBootstrap;
import dev.singletable.table.TableLayoutLoader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A store with the service's table, for tests below the Spring context. Same choice as the full-stack tests: the
 * bundled engine, or DynamoDB Local with {@code -Dsingletable.test.store=dynamodb-local}.
 */
public final class TestStores {

    private TestStores() {}

    /** A fresh store with the table created; close it when done. */
    public static Store withTable(String tableName) {
        String store = System.getProperty(FullStackTestConfiguration.STORE_PROPERTY, "engine");
        Store opened;
        if (store.equals("dynamodb-local")) {
            AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
            opened = new Store(local.dynamoDbClient(), local::shutdown);
        } else {
            // The engine is reached the way the service reaches it: through the SDK interface it returns.
            var engine = EngineAccess.openInMemory();
            opened = new Store(engine.client(), engine.closer());
        }
        new TableBootstrap(opened.dynamo(), tableName, TableLayoutLoader.load()).ensureTable();
        return opened;
    }

    /** The bundled engine with the table and its stream, for stream consumers (DynamoDB Local's stream is not used here). */
    public static StreamStore withTableAndStream(String tableName) {
        var engine = EngineAccess.openInMemoryWithStreams();
        new TableBootstrap(engine.client(), tableName, TableLayoutLoader.load()).ensureTable();
        return new StreamStore(engine.client(), engine.streams(), engine.closer());
    }

    public record StreamStore(DynamoDbClient dynamo, DynamoDbStreamsClient streams, Runnable closer)
            implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    public record Store(DynamoDbClient dynamo, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
