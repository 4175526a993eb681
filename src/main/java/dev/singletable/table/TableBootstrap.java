package dev.singletable.table;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the service's table, with its indexes, stream and TTL, when it does not exist yet. Used in the local storage
 * modes only: on AWS the table belongs to Terraform, and a service that could create tables would need far wider IAM
 * rights than it should have.
 */
public class TableBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TableBootstrap.class);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final TableLayout layout;

    public TableBootstrap(DynamoDbClient dynamo, String tableName, TableLayout layout) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.layout = layout;
    }

    public void ensureTable() {
        if (!exists()) {
            try {
                dynamo.createTable(TableRequestFactory.createTable(tableName, layout));
                log.info("Created table {}", tableName);
            } catch (ResourceInUseException raced) {
                log.info("Table {} was created concurrently", tableName);
            }
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
        }
        ensureTimeToLive();
    }

    private boolean exists() {
        try {
            dynamo.describeTable(r -> r.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void ensureTimeToLive() {
        if (layout.timeToLiveAttribute() == null) {
            return;
        }
        var ttl = dynamo.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
        if (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING) {
            return;
        }
        dynamo.updateTimeToLive(r -> r.tableName(tableName)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName(layout.timeToLiveAttribute())));
        log.info("Enabled TTL on {}.{}", tableName, layout.timeToLiveAttribute());
    }
}
