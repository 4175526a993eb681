package dev.singletable.engine.client;

import software.amazon.awssdk.core.SdkRequest;
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
 * A {@link DynamoDbStreamsClient} that decides, request by request, which client answers: its own, or another
 * namespace's for a stream another account owns. {@link #route} is the one place a subclass sees every request (and
 * may refuse it by throwing); the four operations only pass the request on. The Streams counterpart of
 * {@link DelegatingDynamoDbClient}, with the same wording for the two uses: a principal's access-controlled client and
 * an account's regional client.
 */
public abstract class RoutingStreamsClient implements DynamoDbStreamsClient {

    private final DynamoDbStreamsClient own;

    protected RoutingStreamsClient(DynamoDbStreamsClient own) {
        this.own = own;
    }

    /** The client of the caller's own namespace. */
    protected final DynamoDbStreamsClient own() {
        return own;
    }

    /** The client that runs this request: {@link #own()}, or another namespace's once the request may go there. */
    protected abstract DynamoDbStreamsClient route(SdkRequest request);

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
        return own.serviceClientConfiguration();
    }

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        return route(request).listStreams(request);
    }

    @Override
    public ListStreamsResponse listStreams() {
        return listStreams(ListStreamsRequest.builder().build());
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return route(request).describeStream(request);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return route(request).getShardIterator(request);
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return route(request).getRecords(request);
    }

    @Override
    public void close() {
        // the engine owns its resources
    }
}
