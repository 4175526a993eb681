package dev.singletable.engine.regions;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;

/**
 * The DynamoDB API of one account's tables in one region, as callers in that account and region reach it: a request
 * that names another account's resource by ARN is decided as IAM decides a cross-account call
 * ({@link CrossAccountCalls}) and, once allowed, runs in the owner's namespace; every other request runs in this one.
 */
public class RegionalClient extends DelegatingDynamoDbClient {

    private final CrossAccountCalls crossAccount;

    public RegionalClient(DynamoDbClient delegate, CrossAccountCalls crossAccount) {
        super(delegate);
        this.crossAccount = crossAccount;
    }

    public String account() {
        return crossAccount.account();
    }

    public String region() {
        return crossAccount.region();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        String owner = crossAccount.ownerOf(request);
        if (owner == null) {
            if (request instanceof PutResourcePolicyRequest put) {
                return super.invoke((Q) crossAccount.confirmedForCaller(put), operation);
            }
            return super.invoke(request, operation);
        }
        DynamoDbClient theirs = crossAccount.namespaces().dynamo(owner, region());
        if (theirs == this) {
            throw new IllegalStateException("account " + owner + " is served by the caller's own namespace");
        }
        return send(theirs, request); // the owner's namespace answers it
    }
}
