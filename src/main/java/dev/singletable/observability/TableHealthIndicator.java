package dev.singletable.observability;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code /actuator/health/table}, part of readiness: UP when the service's table answers DescribeTable as ACTIVE with
 * every global secondary index ACTIVE; DOWN when it is missing, being created or changed, or the store does not
 * answer. The call goes through the guarded client, so while the store's circuit is open this is DOWN too.
 */
class TableHealthIndicator implements HealthIndicator {

    private final DynamoDbClient dynamo;
    private final String tableName;

    TableHealthIndicator(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Health health() {
        TableDescription table;
        try {
            table = dynamo.describeTable(
                            DescribeTableRequest.builder().tableName(tableName).build())
                    .table();
        } catch (ResourceNotFoundException e) {
            return Health.down()
                    .withDetail("table", tableName)
                    .withDetail("status", "NOT_FOUND")
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("table", tableName)
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        boolean indexesActive = !table.hasGlobalSecondaryIndexes()
                || table.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexStatus)
                        .allMatch(IndexStatus.ACTIVE::equals);
        Health.Builder health =
                table.tableStatus() == TableStatus.ACTIVE && indexesActive ? Health.up() : Health.down();
        return health.withDetail("table", tableName)
                .withDetail("status", String.valueOf(table.tableStatus()))
                .withDetail("indexesActive", indexesActive)
                .build();
    }
}
