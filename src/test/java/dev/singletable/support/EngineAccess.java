package dev.singletable.support;

import dev.singletable.engine.EmbeddedEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The one place tests of the service open the bundled engine directly, as its README shows. */
final class EngineAccess {

    private EngineAccess() {
    }

    static Opened openInMemory() {
        EmbeddedEngine engine = EmbeddedEngine.inMemory();
        return new Opened(engine.dynamoDbClient(), engine::close);
    }

    record Opened(DynamoDbClient client, Runnable closer) {
    }
}
