package dev.singletable.engine.regions;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import dev.singletable.engine.core.Engine;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;

/**
 * The DynamoDB API of one account's tables in one region, as callers in that account and region reach it: a request
 * that names another account's resource by ARN is decided as IAM decides a cross-account call
 * ({@link CrossAccountCalls}) and, once allowed, runs in the owner's namespace (a batch over several accounts' tables
 * runs each account's part in its namespace, {@link AccountBatches}); every other request runs in this one.
 */
public class RegionalClient extends DelegatingDynamoDbClient {

    private final CrossAccountCalls crossAccount;

    /** A batch's parts: this account's own run here, another account's in its namespace. */
    private final AccountBatches.Parts parts;

    public RegionalClient(DynamoDbClient delegate, CrossAccountCalls crossAccount) {
        super(delegate);
        this.crossAccount = crossAccount;
        this.parts = new AccountBatches.Parts() {
            @Override
            public DynamoDbClient client(String account) {
                return account.equals(account())
                        ? delegate()
                        : crossAccount.namespaces().dynamo(account, region());
            }

            @Override
            public @Nullable Engine core(String account) {
                return crossAccount.namespaces().core(account, region());
            }
        };
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
        if (owner == AccountBatches.SEVERAL) {
            return (R) AccountBatches.run(request, account(), parts);
        }
        DynamoDbClient theirs = crossAccount.namespaces().dynamo(owner, region());
        if (theirs == this) {
            throw new IllegalStateException("account " + owner + " is served by the caller's own namespace");
        }
        return send(theirs, request); // the owner's namespace answers it
    }
}
