package dev.singletable.engine.capacity;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;

/**
 * Why a request was refused, and the error DynamoDB answers with. A provisioned table or global index whose bucket is
 * empty gives ProvisionedThroughputExceededException with the table or index wording; a hot partition key gives the
 * same on a provisioned table, and on an on-demand table the ThrottlingException DynamoDB returns while it "scales".
 * Every error carries a ThrottlingReason ({@code <Table|Index><Read|Write><LimitType>}) and the resource's ARN.
 * Inside a transaction the same cause becomes a cancellation reason: {@code ProvisionedThroughputExceeded} for a
 * provisioned table or index, {@code ThrottlingError} for an on-demand one (DynamoDB's documented codes).
 *
 * @param limit       which limit was hit
 * @param write       a write rather than a read
 * @param onDemand    the table is billed per request
 * @param resourceArn the table's or index's ARN
 */
public record Throttle(Limit limit, boolean write, boolean onDemand, String resourceArn) {

    static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API.";
    static final String INDEX_MESSAGE = "The level of configured provisioned throughput for one or more global "
            + "secondary indexes of the table was exceeded. Consider increasing your provisioning level for the "
            + "under-provisioned global secondary indexes with the UpdateTable API";
    static final String ON_DEMAND_MESSAGE = "Throughput exceeds the current capacity of your table or index. DynamoDB "
            + "is automatically scaling your table or index so please try again shortly. If exceptions persist, check "
            + "if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
            + "bp-partition-key-design.html";

    /** The limit a request ran into. */
    public enum Limit {
        /** The table's provisioned read or write capacity (burst included) is used up. */
        TABLE_PROVISIONED,
        /** A global secondary index's provisioned capacity is used up (a write to the table is refused for it). */
        INDEX_PROVISIONED,
        /** One partition key drew more than DynamoDB's per-partition ceiling. */
        TABLE_KEY_RANGE
    }

    /** DynamoDB's ThrottlingReason code, e.g. {@code TableWriteProvisionedThroughputExceeded}. */
    public String reason() {
        String resource = limit == Limit.INDEX_PROVISIONED ? "Index" : "Table";
        String operation = write ? "Write" : "Read";
        String type = limit == Limit.TABLE_KEY_RANGE ? "KeyRangeThroughputExceeded" : "ProvisionedThroughputExceeded";
        return resource + operation + type;
    }

    public String message() {
        if (limit == Limit.INDEX_PROVISIONED) {
            return INDEX_MESSAGE;
        }
        return onDemand ? ON_DEMAND_MESSAGE : TABLE_MESSAGE;
    }

    /** The exception a single-item operation (or an all-throttled batch) fails with. */
    public AwsServiceException exception() {
        List<ThrottlingReason> reasons = List.of(ThrottlingReason.builder()
                .reason(reason())
                .resource(resourceArn)
                .build());
        return onDemand && limit != Limit.INDEX_PROVISIONED
                ? EngineErrors.throttling(message(), reasons)
                : EngineErrors.throughputExceeded(message(), reasons);
    }

    /** The cancellation reason of a transaction's throttled action. */
    public CancellationReason cancellationReason() {
        String code =
                onDemand && limit != Limit.INDEX_PROVISIONED ? "ThrottlingError" : "ProvisionedThroughputExceeded";
        return CancellationReason.builder().code(code).message(message()).build();
    }
}
