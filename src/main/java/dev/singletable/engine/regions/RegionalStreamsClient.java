package dev.singletable.engine.regions;

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

/** The Streams API of one account's tables in one region: stream ARNs of other accounts are refused. */
public final class RegionalStreamsClient implements DynamoDbStreamsClient {

    private final DynamoDbStreamsClient delegate;
    private final String account;

    public RegionalStreamsClient(DynamoDbStreamsClient delegate, String account) {
        this.delegate = delegate;
        this.account = account;
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
        ForeignAccounts.check(request, account);
        return delegate.listStreams(request);
    }

    @Override
    public ListStreamsResponse listStreams() {
        return listStreams(ListStreamsRequest.builder().build());
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        ForeignAccounts.check(request, account);
        return delegate.describeStream(request);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        ForeignAccounts.check(request, account);
        return delegate.getShardIterator(request);
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return delegate.getRecords(request);
    }

    @Override
    public void close() {
        // the engine owns its resources
    }
}
