package dev.singletable.engine.access;

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

/** A principal's Streams client: each request authorized first, then run where the stream lives (see the table's). */
final class GuardedStreamsClient implements DynamoDbStreamsClient {

    private final DynamoDbStreamsClient own;
    private final AccessControl.Guard guard;

    GuardedStreamsClient(DynamoDbStreamsClient own, AccessControl.Guard guard) {
        this.own = own;
        this.guard = guard;
    }

    /** The client the request runs on, once it is allowed. */
    private DynamoDbStreamsClient target(SdkRequest request) {
        String owner = guard.authorize(request);
        if (owner == null) {
            return own;
        }
        DynamoDbStreamsClient theirs = guard.clientsOf(owner).streams();
        return theirs == null ? own : theirs;
    }

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
        return target(request).listStreams(request);
    }

    @Override
    public ListStreamsResponse listStreams() {
        return listStreams(ListStreamsRequest.builder().build());
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return target(request).describeStream(request);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return target(request).getShardIterator(request);
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return target(request).getRecords(request);
    }

    @Override
    public void close() {
        // the engine owns its resources
    }

    @Override
    public String toString() {
        return "access-controlled streams client of " + guard.principalArn();
    }
}
