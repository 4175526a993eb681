package dev.singletable.engine.access;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A principal's DynamoDB client: every request is authorized first ({@link AccessControl.Guard}) and runs on the
 * caller's own tables, or, once allowed on another account's resource, on that account's. The SDK's convenience forms
 * (a builder consumer, paginators, waiters) end in the request forms here, so they are authorized too.
 */
final class GuardedDynamoDbClient extends DelegatingDynamoDbClient {

    private final AccessControl.Guard guard;

    GuardedDynamoDbClient(DynamoDbClient own, AccessControl.Guard guard) {
        super(own);
        this.guard = guard;
    }

    @Override
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        String owner = guard.authorize(request);
        if (owner == null) {
            return operation.apply(request);
        }
        return send(guard.clientsOf(owner).dynamo(), request);
    }

    @Override
    public String toString() {
        return "access-controlled client of " + guard.principalArn();
    }
}
