package dev.singletable.engine.ops;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.table.DescribeView;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.TableRequests;
import dev.singletable.engine.table.TableStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * The control plane. Tables become ACTIVE as soon as they are created (the CreateTable answer still says CREATING, as
 * AWS's does, so clients written for AWS wait correctly); a new GSI is backfilled inside the update.
 */
public final class TableOperations {

    private static final int MAX_LIST_TABLES = 100;

    private final Engine engine;

    public TableOperations(Engine engine) {
        this.engine = engine;
    }

    public CreateTableResponse createTable(CreateTableRequest r) {
        TableDefinition def = TableRequests.create(r, now(), engine.options().region(), engine.options().accountId());
        Table table = engine.createTable(def);
        return CreateTableResponse.builder()
                .tableDescription(table.definition().describe(stats(table, "CREATING"), DescribeView.CREATE)).build();
    }

    public DescribeTableResponse describeTable(DescribeTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        return DescribeTableResponse.builder().table(table.definition().describe(stats(table, "ACTIVE"))).build();
    }

    public ListTablesResponse listTables(ListTablesRequest r) {
        int limit = r.limit() == null ? MAX_LIST_TABLES : r.limit();
        NavigableMap<String, Table> all = engine.tables();
        NavigableMap<String, Table> from = r.exclusiveStartTableName() == null ? all
                : all.tailMap(r.exclusiveStartTableName(), false);
        List<String> names = from.keySet().stream().limit(limit).toList();
        ListTablesResponse.Builder out = ListTablesResponse.builder().tableNames(names);
        if (names.size() == limit && from.size() > limit) {
            out.lastEvaluatedTableName(names.get(names.size() - 1));
        }
        return out.build();
    }

    public UpdateTableResponse updateTable(UpdateTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        TableDefinition updated = TableRequests.update(table.definition(), r, now());
        // the answer shows new indexes CREATING and dropped ones DELETING, as AWS's does; here the backfill happens
        // inside the update, so what is stored is already the settled definition
        engine.redefine(table, settled(updated));
        return UpdateTableResponse.builder()
                .tableDescription(updated.describe(stats(table, "UPDATING"), DescribeView.UPDATE)).build();
    }

    public DeleteTableResponse deleteTable(DeleteTableRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        TableRequests.checkDeletable(table.definition());
        engine.dropTable(table);
        return DeleteTableResponse.builder()
                .tableDescription(table.definition().describe(stats(table, "DELETING"), DescribeView.DELETE)).build();
    }

    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        engine.redefine(table, TableRequests.withTtl(table.definition(), r));
        return UpdateTimeToLiveResponse.builder().timeToLiveSpecification(r.timeToLiveSpecification()).build();
    }

    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest r) {
        Table table = engine.requireTableForControl(r.tableName());
        return DescribeTimeToLiveResponse.builder()
                .timeToLiveDescription(TableRequests.describeTtl(table.definition())).build();
    }

    public TagResourceResponse tagResource(TagResourceRequest r) {
        Table table = tableByArn(r.resourceArn());
        engine.redefine(table, TableRequests.withTags(table.definition(), r.tags()));
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        Table table = tableByArn(r.resourceArn());
        engine.redefine(table, TableRequests.withoutTags(table.definition(), r.tagKeys()));
        return UntagResourceResponse.builder().build();
    }

    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest r) {
        Table table = tableByArn(r.resourceArn());
        return ListTagsOfResourceResponse.builder().tags(TableRequests.listTags(table.definition())).build();
    }

    /** New indexes become ACTIVE (they are backfilled by the redefinition) and deleted ones disappear. */
    private static TableDefinition settled(TableDefinition definition) {
        TableDefinition out = definition;
        for (IndexDef index : definition.globalIndexes()) {
            if (index.status() == IndexStatus.CREATING) {
                out = out.withIndexStatus(index.name(), IndexStatus.ACTIVE, false);
            } else if (index.status() == IndexStatus.DELETING) {
                out = out.withoutIndex(index.name());
            }
        }
        return out;
    }

    /**
     * The table a tagging request's ResourceArn names, with the errors AWS gives for the other ARN forms (as public
     * probes of AWS record them): a bare name, another service, another region or partition, another account, an
     * index, a stream or a missing table.
     */
    private Table tableByArn(String arn) {
        ResourceArn parsed = ResourceArn.parse(arn);
        if (parsed == null) {
            throw EngineErrors.validation("One or more parameter values were invalid: ARNs must start with 'arn:': "
                    + arn);
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
        Table table = parsed.isTable() ? engine.table(parsed.tableName()) : null;
        if (table == null) {
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
