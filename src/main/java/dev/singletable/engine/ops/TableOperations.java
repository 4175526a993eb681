package dev.singletable.engine.ops;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.table.DescribeView;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.TableRequests;
import dev.singletable.engine.table.TableStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * The control plane. By default tables become ACTIVE as soon as they are created (the CreateTable answer still says
 * CREATING, as AWS's does, so clients written for AWS wait correctly) and a new GSI is backfilled inside the update.
 * With transient statuses ({@link dev.singletable.engine.core.EngineOptions#transientStatusDelay}) a table shows
 * CREATING, UPDATING or DELETING for that long, new and deleted GSIs CREATING and DELETING, and requests that AWS
 * refuses in those states are refused with AWS's errors (as public probes of AWS record them): UpdateTable and
 * DeleteTable with ResourceInUseException, reads and writes of a table being created with ResourceNotFoundException,
 * DescribeTimeToLive with a ValidationException, the tagging and policy operations as their own families do.
 * The operations follow their API reference, e.g. [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a>
 */
public final class TableOperations {

    private static final int MAX_LIST_TABLES = 100;
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    private final Engine engine;
    private final IndexTransitions indexes;

    public TableOperations(Engine engine, IndexTransitions indexes) {
        this.engine = engine;
        this.indexes = indexes;
    }

    public CreateTableResponse createTable(CreateTableRequest r) {
        TableDefinition def = TableRequests.create(
                r, now(), engine.options().region(), engine.options().accountId());
        Table table = engine.createTable(def);
        engine.creating(table);
        return CreateTableResponse.builder()
                .tableDescription(table.definition().describe(stats(table, "CREATING"), DescribeView.CREATE))
                .build();
    }

    public DescribeTableResponse describeTable(DescribeTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        return DescribeTableResponse.builder()
                .table(table.definition()
                        .describe(stats(table, engine.statusOf(table).toString())))
                .build();
    }

    public ListTablesResponse listTables(ListTablesRequest r) {
        int limit = r.limit() == null ? MAX_LIST_TABLES : r.limit();
        // a table being deleted is still listed, as on AWS
        NavigableSet<String> all = new TreeSet<>(engine.tables().keySet());
        all.addAll(engine.deletingNames());
        NavigableSet<String> from =
                r.exclusiveStartTableName() == null ? all : all.tailSet(r.exclusiveStartTableName(), false);
        List<String> names = from.stream().limit(limit).toList();
        ListTablesResponse.Builder out = ListTablesResponse.builder().tableNames(names);
        if (names.size() == limit && from.size() > limit) {
            out.lastEvaluatedTableName(names.get(names.size() - 1));
        }
        return out.build();
    }

    public UpdateTableResponse updateTable(UpdateTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        TableDefinition updated = TableRequests.update(table.definition(), r, now());
        requireActive(table);
        // the answer shows new indexes CREATING and dropped ones DELETING, as AWS's does
        indexes.apply(table, updated);
        engine.updating(table);
        return UpdateTableResponse.builder()
                .tableDescription(updated.describe(stats(table, "UPDATING"), DescribeView.UPDATE))
                .build();
    }

    public DeleteTableResponse deleteTable(DeleteTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        requireActive(table);
        boolean indexesChanging = table.definition().globalIndexes().stream()
                .anyMatch(i -> i.status() == IndexStatus.CREATING || i.status() == IndexStatus.DELETING);
        if (indexesChanging) {
            throw EngineErrors.resourceInUse(
                    IN_USE + "Cannot delete table while indexes are being created, updated, " + "or deleted.");
        }
        TableRequests.checkDeletable(table.definition());
        engine.dropTable(table);
        engine.deleting(table);
        return DeleteTableResponse.builder()
                .tableDescription(table.definition().describe(stats(table, "DELETING"), DescribeView.DELETE))
                .build();
    }

    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        TableDefinition updated = TableRequests.withTtl(table.definition(), r);
        TableStatus status = engine.statusOf(table);
        if (status == TableStatus.CREATING) {
            throw EngineErrors.resourceInUse(IN_USE + "Table " + table.name() + " is being created");
        }
        if (status != TableStatus.DELETING) { // AWS still answers while deleting; the table is going anyway
            engine.redefine(table, updated);
        }
        return UpdateTimeToLiveResponse.builder()
                .timeToLiveSpecification(r.timeToLiveSpecification())
                .build();
    }

    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        TableStatus status = engine.statusOf(table);
        if (status == TableStatus.CREATING || status == TableStatus.DELETING) {
            throw EngineErrors.validation("Cannot describe time to live while table is in " + status + " state: "
                    + "Current table state is " + status);
        }
        return DescribeTimeToLiveResponse.builder()
                .timeToLiveDescription(TableRequests.describeTtl(table.definition()))
                .build();
    }

    /** UpdateTable and DeleteTable need an ACTIVE table: AWS's ResourceInUseException for each transient status. */
    private void requireActive(Table table) {
        switch (engine.statusOf(table)) {
            case CREATING -> throw EngineErrors.resourceInUse(IN_USE + "Table is being created: " + table.name());
            case DELETING -> throw EngineErrors.resourceInUse(IN_USE + "Table is being deleted: " + table.name());
            case UPDATING ->
                throw EngineErrors.resourceInUse(
                        IN_USE + "Table: " + table.name() + " is in the process of being updated.");
            default -> {}
        }
    }

    public TagResourceResponse tagResource(TagResourceRequest r) {
        Table table = taggedTable(r.resourceArn());
        engine.redefine(table, TableRequests.withTags(table.definition(), r.tags()));
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        Table table = taggedTable(r.resourceArn());
        engine.redefine(table, TableRequests.withoutTags(table.definition(), r.tagKeys()));
        return UntagResourceResponse.builder().build();
    }

    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest r) {
        Table table = tableByArn(r.resourceArn());
        return ListTagsOfResourceResponse.builder()
                .tags(TableRequests.listTags(table.definition()))
                .build();
    }

    /**
     * The table TagResource or UntagResource changes: not one being deleted (AWS: ResourceInUseException) nor being
     * created (its tags are not there yet: ResourceNotFoundException, see {@link #tableByArn}).
     */
    private Table taggedTable(String arn) {
        Table table = tableByArn(arn);
        if (engine.statusOf(table) == TableStatus.DELETING) {
            throw EngineErrors.resourceInUse(IN_USE + "Table is being deleted: " + table.name());
        }
        return table;
    }

    /**
     * The table a tagging request's ResourceArn names, with the errors AWS gives for the other ARN forms (as public
     * probes of AWS record them): a bare name, another service, another region or partition, another account, an
     * index, a stream or a missing table.
     */
    private Table tableByArn(String arn) {
        ResourceArn parsed = ResourceArn.parse(arn);
        if (parsed == null) {
            throw EngineErrors.validation(
                    "One or more parameter values were invalid: ARNs must start with 'arn:': " + arn);
        }
        if (!"dynamodb".equals(parsed.service())) {
            throw EngineErrors.validation("One or more parameter values were invalid: Provided Arn is not a DynamoDB "
                    + "resource arn: " + arn);
        }
        if (!"aws".equals(parsed.partition()) || !engine.options().region().equals(parsed.region())) {
            throw EngineErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        if (!engine.options().accountId().equals(parsed.account())) {
            throw EngineErrors.accessDenied("Access is denied");
        }
        if (parsed.isIndex()) {
            throw EngineErrors.validation("One or more parameter values were invalid: Invalid resource arn provided, "
                    + "only table or stream is accepted. Provided resource arn: " + arn);
        }
        if ("backup".equals(parsed.subType())) {
            // backups are not taggable: AWS calls their ARN no DynamoDB resource (DDB-BACKUP-013 of
            // aws-controllers-k8s/dynamodb-controller's docs/api-quirks, a public probe of the real service)
            throw EngineErrors.validation("One or more parameter values were invalid: Provided Arn is not a DynamoDB "
                    + "resource arn: " + arn);
        }
        String tableName = parsed.isTable() ? parsed.tableName() : null; // a table's ARN always names it
        Table table = tableName == null ? null : engine.table(tableName);
        if (table == null && tableName != null) {
            table = engine.deletingTable(tableName);
        }
        // while a table is being created its tags are not readable yet, as on AWS
        if (table == null || engine.statusOf(table) == TableStatus.CREATING) {
            throw EngineErrors.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return table;
    }

    private Instant now() {
        return Instant.ofEpochMilli(engine.nowMillis());
    }

    private static TableStats stats(Table table, String status) {
        Map<String, long[]> perIndex = new LinkedHashMap<>();
        for (IndexData index : table.data().indexes()) {
            perIndex.put(index.name(), new long[] {index.itemCount(), index.sizeBytes()});
        }
        return new TableStats(table.data().itemCount(), table.data().sizeBytes(), perIndex, status);
    }
}
