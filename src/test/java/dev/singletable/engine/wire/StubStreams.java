package dev.singletable.engine.wire;

import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A Streams backend answering ListStreams with nothing. */
class StubStreams implements DynamoDbStreamsClient {

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        return ListStreamsResponse.builder().streams(java.util.List.of()).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
