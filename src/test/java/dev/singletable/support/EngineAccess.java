package dev.singletable.support;

import dev.singletable.engine.EmbeddedEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The one place tests of the service open the bundled engine directly, as its README shows. */
final class EngineAccess {

    private EngineAccess() {}

    static Opened openInMemory() {
        EmbeddedEngine engine = EmbeddedEngine.inMemory();
        return new Opened(engine.dynamoDbClient(), engine::close);
    }

    /** With the engine's Streams client too, for tests of stream consumers. */
    static OpenedWithStreams openInMemoryWithStreams() {
        EmbeddedEngine engine = EmbeddedEngine.inMemory();
        return new OpenedWithStreams(engine.dynamoDbClient(), engine.dynamoDbStreamsClient(), engine::close);
    }

    record Opened(DynamoDbClient client, Runnable closer) {}

    record OpenedWithStreams(DynamoDbClient client, DynamoDbStreamsClient streams, Runnable closer) {}
}
