package dev.singletable.engine.access;

import dev.singletable.engine.client.RoutingStreamsClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A principal's Streams client: each request authorized first, then run where the stream lives (see the table's). */
final class GuardedStreamsClient extends RoutingStreamsClient {

    private final AccessControl.Guard guard;

    GuardedStreamsClient(DynamoDbStreamsClient own, AccessControl.Guard guard) {
        super(own);
        this.guard = guard;
    }

    @Override
    protected DynamoDbStreamsClient route(SdkRequest request) {
        String owner = guard.authorize(request);
        if (owner == null) {
            return own();
        }
        return guard.clientsOf(owner).streams();
    }

    @Override
    public String toString() {
        return "access-controlled streams client of " + guard.principalArn();
    }
}
