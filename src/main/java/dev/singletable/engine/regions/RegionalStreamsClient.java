package dev.singletable.engine.regions;

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
 * The Streams API of one account's tables in one region: a stream of another account (named by its ARN, or by the
 * shard iterator of a GetRecords) is read only when its policy allows the caller's account ({@link CrossAccountCalls}),
 * then from the owner's namespace.
 */
public final class RegionalStreamsClient implements DynamoDbStreamsClient {

    private final DynamoDbStreamsClient delegate;
    private final CrossAccountCalls crossAccount;

    public RegionalStreamsClient(DynamoDbStreamsClient delegate, CrossAccountCalls crossAccount) {
        this.delegate = delegate;
        this.crossAccount = crossAccount;
    }

    /** The client the request runs on: this namespace's, or the owner's once a cross-account call is allowed. */
    private DynamoDbStreamsClient target(SdkRequest request) {
        String owner = crossAccount.ownerOf(request);
        return owner == null ? delegate : crossAccount.namespaces().streams(owner, crossAccount.region());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
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
}
