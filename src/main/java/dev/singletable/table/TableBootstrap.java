package dev.singletable.table;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the service's table, with its indexes, stream and TTL, when it does not exist yet, and adds to an existing
 * table the global indexes the layout declares and it lacks (a table made by an older version of the service: the
 * store backfills a new index from the items' attributes). Used in the local storage modes only: on AWS the table
 * belongs to Terraform, and a service that could create tables would need far wider IAM rights than it should have.
 */
public class TableBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TableBootstrap.class);

    /** A local store backfills in moments; a generous bound for a large local table. */
    private static final Duration INDEX_WAIT = Duration.ofMinutes(2);

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
        } else {
            ensureGlobalIndexes();
        }
        ensureTimeToLive();
    }

    /**
     * Adds each declared global index the table lacks, one UpdateTable at a time (DynamoDB creates one index per
     * request), and waits until it is ACTIVE (backfilled). An index the layout no longer declares is left in place:
     * deleting one is a decision for whoever owns the data (docs/data-model.md, "Moving an index to a new key").
     */
    private void ensureGlobalIndexes() {
        TableDescription table =
                dynamo.describeTable(r -> r.tableName(tableName)).table();
        Set<String> present = new HashSet<>();
        table.globalSecondaryIndexes().forEach(index -> present.add(index.indexName()));
        CreateTableRequest wanted = TableRequestFactory.createTable(tableName, layout);
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            Set<String> keyAttributes = new HashSet<>();
            index.keySchema().forEach(key -> keyAttributes.add(key.attributeName()));
            dynamo.updateTable(r -> r.tableName(tableName)
                    .attributeDefinitions(wanted.attributeDefinitions().stream()
                            .filter(definition -> keyAttributes.contains(definition.attributeName()))
                            .toList())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection()))));
            log.info("Adding index {} to {}", index.indexName(), tableName);
            awaitActive(index.indexName());
        }
    }

    private void awaitActive(String indexName) {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        while (true) {
            boolean active = dynamo.describeTable(r -> r.tableName(tableName)).table().globalSecondaryIndexes().stream()
                    .anyMatch(i -> i.indexName().equals(indexName) && i.indexStatus() == IndexStatus.ACTIVE);
            if (active) {
                log.info("Index {} of {} is active", indexName, tableName);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "index " + indexName + " of " + tableName + " is not active after " + INDEX_WAIT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for index " + indexName, e);
            }
        }
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
