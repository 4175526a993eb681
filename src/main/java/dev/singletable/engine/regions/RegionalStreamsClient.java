package dev.singletable.engine.regions;

import dev.singletable.engine.client.RoutingStreamsClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The Streams API of one account's tables in one region: a stream of another account (named by its ARN, or by the
 * shard iterator of a GetRecords) is read only when its policy allows the caller's account ({@link CrossAccountCalls}),
 * then from the owner's namespace.
 */
public final class RegionalStreamsClient extends RoutingStreamsClient {

    private final CrossAccountCalls crossAccount;

    public RegionalStreamsClient(DynamoDbStreamsClient delegate, CrossAccountCalls crossAccount) {
        super(delegate);
        this.crossAccount = crossAccount;
    }

    @Override
    protected DynamoDbStreamsClient route(SdkRequest request) {
        String owner = crossAccount.ownerOf(request);
        return owner == null ? own() : crossAccount.namespaces().streams(owner, crossAccount.region());
    }
}
