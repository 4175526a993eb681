package dev.singletable.engine.client;

import dev.singletable.engine.streams.StreamsService;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * The engine behind the SDK's {@link DynamoDbStreamsClient} interface: no HTTP, no JSON. Each call checks its request
 * (shape first, as AWS does), then runs the operation.
 */
public final class EngineStreamsClient implements DynamoDbStreamsClient {

    private final StreamsService streams;

    public EngineStreamsClient(StreamsService streams) {
        this.streams = streams;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
        return DynamoDbStreamsServiceClientConfiguration.builder().build();
    }

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        return streams.listStreams(request);
    }

    @Override
    public ListStreamsResponse listStreams() {
        return listStreams(ListStreamsRequest.builder().build());
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return streams.describeStream(request);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return streams.getShardIterator(request);
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return streams.getRecords(request);
    }

    @Override
    public void close() {
        // nothing to release: the engine owns its resources
    }
}
