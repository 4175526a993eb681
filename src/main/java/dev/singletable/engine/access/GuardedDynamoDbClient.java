package dev.singletable.engine.access;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import dev.singletable.engine.regions.AccountBatches;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A principal's DynamoDB client: every request is authorized first ({@link AccessControl.Guard}) and runs on the
 * caller's own tables, or, once allowed on another account's resource, on that account's (a batch over several
 * accounts' tables: each account's part on its tables). The SDK's convenience forms
 * (a builder consumer, paginators, waiters) end in the request forms here, so they are authorized too.
 */
final class GuardedDynamoDbClient extends DelegatingDynamoDbClient {

    private final AccessControl.Guard guard;
    private final AccountBatches.Parts batchParts;

    GuardedDynamoDbClient(DynamoDbClient own, AccessControl.Guard guard) {
        super(own);
        this.guard = guard;
        this.batchParts = guard.batchParts(own);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        String owner = guard.authorize(request);
        if (owner == null) {
            return operation.apply(request);
        }
        if (owner == AccountBatches.SEVERAL) {
            // every part is allowed already: each runs in its account (engine.regions.AccountBatches)
            return (R) AccountBatches.run(request, guard.principalAccount(), batchParts);
        }
        return send(guard.clientsOf(owner).dynamo(), request);
    }

    // The item operations and Query call the caller's own client directly once allowed, rather than through invoke
    // and a method reference: two call levels fewer in front of the engine's own code, whose inlining (and so its
    // speed) otherwise differs from a call without access control (docs/benchmarks.md, issue 24).

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        String owner = guard.authorize(request);
        return owner == null
                ? delegate().getItem(request)
                : send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        String owner = guard.authorize(request);
        return owner == null
                ? delegate().putItem(request)
                : send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        String owner = guard.authorize(request);
        return owner == null
                ? delegate().updateItem(request)
                : send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        String owner = guard.authorize(request);
        return owner == null
                ? delegate().deleteItem(request)
                : send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        String owner = guard.authorize(request);
        return owner == null
                ? delegate().query(request)
                : send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public String toString() {
        return "access-controlled client of " + guard.principalArn();
    }
}
