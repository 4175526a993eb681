package dev.singletable.engine.ops;

import dev.singletable.engine.core.Engine;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/**
 * Account-level answers: DynamoDB's default per-account and per-table quotas, and the regional endpoint.
 * The answers are those of [1] and [2], with the default quotas of [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html">DescribeLimits</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html">DescribeEndpoints</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">Quotas in Amazon DynamoDB</a>
 */
public final class AccountOperations {

    /** AWS's default quotas for provisioned capacity, per account and per table, in each region. */
    static final long ACCOUNT_MAX_UNITS = 80_000;

    static final long TABLE_MAX_UNITS = 40_000;

    private final Engine engine;

    public AccountOperations(Engine engine) {
        this.engine = engine;
    }

    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest r) {
        return DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(ACCOUNT_MAX_UNITS)
                .accountMaxWriteCapacityUnits(ACCOUNT_MAX_UNITS)
                .tableMaxReadCapacityUnits(TABLE_MAX_UNITS)
                .tableMaxWriteCapacityUnits(TABLE_MAX_UNITS)
                .build();
    }

    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest r) {
        return DescribeEndpointsResponse.builder()
                .endpoints(Endpoint.builder()
                        .address("dynamodb." + engine.options().region() + ".amazonaws.com")
                        .cachePeriodInMinutes(1440L)
                        .build())
                .build();
    }
}
