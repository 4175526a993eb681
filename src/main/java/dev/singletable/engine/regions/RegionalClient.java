package dev.singletable.engine.regions;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB API of one account's tables in one region, as callers in that account and region reach it: every
 * request is checked for ARNs of other accounts ({@link ForeignAccounts}) before the namespace's engine runs it.
 */
public class RegionalClient extends DelegatingDynamoDbClient {

    private final String account;
    private final String region;

    public RegionalClient(DynamoDbClient delegate, String account, String region) {
        super(delegate);
        this.account = account;
        this.region = region;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    @Override
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        ForeignAccounts.check(request, account);
        return super.invoke(request, operation);
    }
}
