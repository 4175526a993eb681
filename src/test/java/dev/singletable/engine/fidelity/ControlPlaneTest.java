package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The control plane through the SDK client on both engines: describing tables and indexes, listing and paging table
 * names, updating billing, throughput, streams and indexes, deleting, TTL, tags and deletion protection. The table
 * package's own differential test covers CreateTable's validation rules in depth.
 */
class ControlPlaneTest extends DifferentialTest {

    /** Members whose values legitimately differ between the engines (see docs/fidelity.md). */
    private static final Set<String> DESCRIBE_DIFFERENCES =
            Set.of("TableStatus", "IndexStatus", "ProvisionedThroughput", "Backfilling", "AttributeDefinitions");

    @Test
    void describeTablesWithIndexes() {
        String t = createTable(b -> b.attributeDefinitions(
                        attr("pk", ScalarAttributeType.S),
                        attr("sk", ScalarAttributeType.N),
                        attr("g", ScalarAttributeType.B),
                        attr("l", ScalarAttributeType.S))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(i -> i.indexName("gsi1")
                        .keySchema(hashKey("g"), rangeKey("sk"))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x")))
                .localSecondaryIndexes(i -> i.indexName("lsi1")
                        .keySchema(hashKey("pk"), rangeKey("l"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        sameIgnoring(DESCRIBE_DIFFERENCES, c -> c.describeTable(r -> r.tableName(t)));
        // AWS lists attribute definitions sorted by name, DynamoDB Local in request order
        sameIgnoringOrder(c -> c.describeTable(r -> r.tableName(t)).table().attributeDefinitions());
        same(c -> c.describeTable(r -> r.tableName(t)).table().tableStatus());
        onBoth(c -> c.putItem(
                r -> r.tableName(t).item(Map.of("pk", s("a"), "sk", n("1"), "g", av("{'B':'AQ=='}"), "l", s("x")))));
        sameIgnoring(DESCRIBE_DIFFERENCES, c -> c.describeTable(r -> r.tableName(t)));
        // DynamoDB Local: "Cannot do operations on a non-existent table"; AWS names the table (TableArnTest)
        awsDiffers(
                c -> c.describeTable(r -> r.tableName("no_such_table")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table not found");
        awsDiffers(
                c -> c.describeTable(r -> r.tableName("no")),
                "ValidationException",
                "1 validation error detected: "
                        + "Value 'no' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal "
                        + "to 3");
    }

    @Test
    void listTablesPagesThroughNames() {
        String prefix = "zz_list_" + ProcessHandle.current().pid() + "_";
        for (int i = 0; i < 7; i++) {
            String name = prefix + i;
            onBoth(c -> c.createTable(b -> b.tableName(name)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                    .keySchema(hashKey("pk"))));
        }
        for (int limit : new int[] {1, 3, 7, 100}) {
            String start = prefix;
            for (int page = 0; page < 10 && start != null; page++) {
                String from = start;
                Outcome mine = same(c -> restrict(
                        c.listTables(r -> r.exclusiveStartTableName(from).limit(limit)), prefix));
                var response =
                        ours.listTables(r -> r.exclusiveStartTableName(from).limit(limit));
                start = response.lastEvaluatedTableName() != null
                                && response.lastEvaluatedTableName().startsWith(prefix)
                        ? response.lastEvaluatedTableName()
                        : null;
                assertThat(mine.isError()).isFalse();
            }
        }
        // DynamoDB Local: "Limit must be greater than or equal to 1"
        awsDiffers(
                c -> c.listTables(r -> r.limit(0)),
                "ValidationException",
                "1 validation error detected: Value '0' "
                        + "at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        // DynamoDB Local: "Limit in ListTables must be <= 100"
        awsDiffers(
                c -> c.listTables(r -> r.limit(101)),
                "ValidationException",
                "1 validation error detected: Value "
                        + "'101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        awsDiffers(
                c -> c.listTables(r -> r.exclusiveStartTableName("a")),
                "ValidationException",
                "1 validation error "
                        + "detected: Value 'a' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 3");
    }

    /** The names from one test's prefix only: other scenarios create tables in the same engines. */
    private static List<String> restrict(
            software.amazon.awssdk.services.dynamodb.model.ListTablesResponse response, String prefix) {
        return response.tableNames().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    @Test
    void updatesAndDeletes() {
        String t = hashTable("pk", ScalarAttributeType.S);
        sameIgnoring(DESCRIBE_DIFFERENCES, c -> c.updateTable(r -> r.tableName(t)
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(6L)))
                .tableDescription()
                .billingModeSummary());
        same(c -> c.describeTable(r -> r.tableName(t))
                .table()
                .provisionedThroughput()
                .readCapacityUnits());
        same(c -> c.updateTable(r -> r.tableName(t)
                        .provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(8L)))
                .tableDescription()
                .provisionedThroughput()
                .writeCapacityUnits());
        same(c -> c.updateTable(r -> r.tableName(t)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES")))
                .tableDescription()
                .streamSpecification());
        same(c -> c.describeTable(r -> r.tableName(t)).table().streamSpecification());
        awsDiffers(
                c -> c.updateTable(r -> r.tableName("no_such_table").billingMode("PAY_PER_REQUEST")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table not found");
        same(c -> c.deleteTable(r -> r.tableName(t)).tableDescription().tableName());
        awsDiffers(
                c -> c.describeTable(r -> r.tableName(t)),
                "ResourceNotFoundException",
                "Requested resource not found: Table: " + t + " not found");
        awsDiffers(
                c -> c.deleteTable(r -> r.tableName(t)),
                "ResourceNotFoundException",
                "Requested resource not found: Table: " + t + " not found");
        same(c -> c.getItem(r -> r.tableName(t).key(Map.of("pk", s("a")))));
    }

    @Test
    void creatingAnExistingTable() {
        String t = hashTable("pk", ScalarAttributeType.S);
        awsDiffers(
                c -> c.createTable(b -> b.tableName(t)
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                        .keySchema(hashKey("pk"))),
                "ResourceInUseException",
                "Table already exists: " + t);
    }

    @Test
    void indexesAddedAndDropped() {
        String t = hashTable("pk", ScalarAttributeType.S);
        same(c -> c.updateTable(r -> r.tableName(t)
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(cr -> cr.indexName("gsix")
                                .keySchema(hashKey("g"))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .tableDescription()
                .globalSecondaryIndexes()
                .get(0)
                .indexName());
        same(c -> c.describeTable(r -> r.tableName(t))
                .table()
                .globalSecondaryIndexes()
                .get(0)
                .keySchema());
        awaitActiveIndexesOnLocal(t);
        // DynamoDB Local answers ResourceInUseException
        awsDiffers(
                c -> c.updateTable(r -> r.tableName(t)
                        .globalSecondaryIndexUpdates(u -> u.create(cr -> cr.indexName("gsix")
                                .keySchema(hashKey("g"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))))),
                "ValidationException",
                "Attempting to create an index which already exists");
        // DynamoDB Local says only "Requested resource not found"
        awsDiffers(
                c -> c.updateTable(
                        r -> r.tableName(t).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("nope_index")))),
                "ResourceNotFoundException",
                "Requested resource not found: Index nope_index for table " + t);
        same(c -> c.updateTable(
                        r -> r.tableName(t).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("gsix"))))
                .tableDescription()
                .tableName());
        // DynamoDB Local fails with an InternalServerError while it drops the index
        assertThat(oursOnly(c -> c.query(r -> r.tableName(t)
                                .indexName("gsix")
                                .keyConditionExpression("g = :g")
                                .expressionAttributeValues(Map.of(":g", s("x")))))
                        .message())
                .isEqualTo("The table does not have the specified index: gsix");
    }

    /** DynamoDB Local builds a new index for a moment, refusing other index changes meanwhile (as AWS does). */
    private void awaitActiveIndexesOnLocal(String table) {
        for (int i = 0; i < 100; i++) {
            java.util.List<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription> indexes;
            try {
                indexes = local.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes();
            } catch (RuntimeException building) {
                // DynamoDB Local's DescribeTable can fail while it builds the index ("no such column: indexKey_0",
                // a LocalDBAccessException from its SQLite store): the index is not ready yet
                if (!building.getClass().getSimpleName().equals("LocalDBAccessException")) {
                    throw building;
                }
                indexes = java.util.List.of(
                        software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription.builder()
                                .indexStatus("CREATING")
                                .build());
            }
            if (indexes.stream().allMatch(x -> "ACTIVE".equals(x.indexStatusAsString()))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void timeToLive() {
        String t = hashTable("pk", ScalarAttributeType.S);
        same(c -> c.describeTimeToLive(r -> r.tableName(t)));
        same(c -> c.updateTimeToLive(r -> r.tableName(t)
                .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true))));
        same(c -> c.describeTimeToLive(r -> r.tableName(t)));
        same(c -> c.updateTimeToLive(r -> r.tableName(t)
                .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true))));
        same(c -> c.updateTimeToLive(r -> r.tableName(t)
                .timeToLiveSpecification(s -> s.attributeName("expires").enabled(false))));
        awsDiffers(
                c -> c.describeTimeToLive(r -> r.tableName("no_such_table")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table not found");
    }

    /** DynamoDB Local does not support tagging ("Tagging is not currently supported in DynamoDB Local"). */
    @Test
    void tagsOnOurEngine() {
        String t = hashTable("pk", ScalarAttributeType.S);
        String arn = ours.describeTable(r -> r.tableName(t)).table().tableArn();
        assertThat(oursOnly(c -> c.tagResource(r ->
                                r.resourceArn(arn).tags(tg -> tg.key("team").value("core"))))
                        .isError())
                .isFalse();
        assertThat(oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(arn))).value())
                .isEqualTo(Map.of("Tags", List.of(Map.of("Key", "team", "Value", "core"))));
        assertThat(oursOnly(c -> c.untagResource(r -> r.resourceArn(arn).tagKeys("team")))
                        .isError())
                .isFalse();
        assertThat(ours.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
    }

    @Test
    void deletionProtection() {
        String t = createTable(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk"))
                .deletionProtectionEnabled(true));
        same(c -> c.deleteTable(r -> r.tableName(t)));
        same(c -> c.updateTable(r -> r.tableName(t).deletionProtectionEnabled(false))
                .tableDescription()
                .tableName());
        same(c -> c.deleteTable(r -> r.tableName(t)).tableDescription().tableName());
    }

    @Test
    void describeAfterCreateSaysActive() {
        String t = hashTable("pk", ScalarAttributeType.S);
        TableDescription mine = ours.describeTable(r -> r.tableName(t)).table();
        ScenarioCount.record(false);
        assertThat(mine.tableStatusAsString()).isEqualTo("ACTIVE");
    }
}
