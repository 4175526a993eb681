package dev.singletable.engine.client;

import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * The engine behind the SDK's {@link DynamoDbStreamsClient} interface. Streams arrive with the durability work; until
 * then every call fails with the SDK's UnsupportedOperationException, and docs/fidelity.md says so.
 */
public final class EngineStreamsClient implements DynamoDbStreamsClient {

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
        return DynamoDbStreamsServiceClientConfiguration.builder().build();
    }

    @Override
    public void close() {
        // nothing to release: the engine owns its resources
    }
}
