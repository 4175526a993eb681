package dev.singletable.engine.table;

import static dev.singletable.engine.table.Requests.attr;
import static dev.singletable.engine.table.Requests.gsi;
import static dev.singletable.engine.table.Requests.hash;
import static dev.singletable.engine.table.Requests.lsi;
import static dev.singletable.engine.table.Requests.onDemand;
import static dev.singletable.engine.table.Requests.onDemandWithRange;
import static dev.singletable.engine.table.Requests.projection;
import static dev.singletable.engine.table.Requests.range;
import static dev.singletable.engine.table.Requests.units;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Differential checks of the control plane against DynamoDB Local 2.6.1: both must accept or refuse the same requests
 * with the same error code, and describe tables with the same schema. Messages are compared only where Local already
 * uses AWS's wording; elsewhere this engine follows AWS.
 *
 * <p>Where DynamoDB Local 2.6.1 differs from AWS (measured here; AWS's behaviour is asserted):
 * <ul>
 * <li>Validation messages use Local's own wording ("Invalid table/index name. ...", "No Attribute Schema Defined",
 *     "Key Schema too big...", "Nothing to update", "The requested throughput value equals the current value", ...)
 *     instead of AWS's Smithy form ("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy
 *     constraint: ...") and AWS's "One or more parameter values were invalid: ..." texts; only the first problem is
 *     reported.</li>
 * <li>CreateTable and UpdateTable with ProvisionedThroughput on a PAY_PER_REQUEST table are accepted (AWS:
 *     ValidationException "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is
 *     PAY_PER_REQUEST"), and so is a GSI with ProvisionedThroughput on such a table (AWS: "ProvisionedThroughput
 *     should not be specified for index: &lt;name&gt; when BillingMode is PAY_PER_REQUEST").</li>
 * <li>UpdateTable with only TableClass answers "Nothing to update" (AWS changes the class and reports
 *     TableClassSummary); an invalid TableClass on CreateTable is accepted (AWS: "Invalid table-class parameter
 *     provided. ...").</li>
 * <li>UpdateTimeToLive on another attribute says "TimeToLive is active on a different AttributeName" without AWS's
 *     ": current AttributeName is &lt;name&gt;" suffix.</li>
 * <li>Tagging is unsupported ("Tagging is not currently supported in DynamoDB Local").</li>
 * <li>DescribeTable: no TableId, no WarmThroughput, ARNs with region "ddblocal", CreationDateTime far in the future
 *     (seconds read as milliseconds), LastIncrease/LastDecreaseDateTime of 1970 instead of absent, no
 *     ProvisionedThroughput block on PAY_PER_REQUEST GSIs (AWS: 0/0), NonKeyAttributes in request order (AWS sorts
 *     them, and AttributeDefinitions, by name), no SSEDescription for KMS-encrypted tables.</li>
 * <li>DeleteTable returns the full description with TableStatus ACTIVE (AWS: DELETING, without key schema, attribute
 *     definitions, creation time or indexes).</li>
 * <li>A missing table is "Cannot do operations on a non-existent table" (AWS: "Requested resource not found").</li>
 * </ul>
 */
class ControlPlaneDifferentialTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient client;
    private static int tableCounter;

    @BeforeAll
    static void startLocal() {
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
    }

    @AfterAll
    static void stopLocal() {
        if (local != null) {
            local.shutdown();
        }
    }

    /** The outcome of one request: the error code, or "OK". */
    private static String outcome(Supplier<?> call) {
        try {
            call.get();
            return "OK";
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static String message(Supplier<?> call) {
        try {
            call.get();
            return "OK";
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    private static String uniqueName() {
        return "diff_table_" + (++tableCounter);
    }

    /** CreateTable refused by both with the same code; this engine gives AWS's message. */
    private static void bothRefuseCreate(CreateTableRequest.Builder req, String awsMessage) {
        CreateTableRequest request = req.tableName(uniqueName()).build();
        assertThat(outcome(() -> client.createTable(request))).as("Local").isEqualTo("ValidationException");
        assertThat(outcome(() -> TableRequests.create(request, NOW)))
                .as("engine")
                .isEqualTo("ValidationException");
        assertThat(message(() -> TableRequests.create(request, NOW))).isEqualTo(awsMessage);
    }

    @Test
    void createTableErrorsMatchLocalsErrorCodes() {
        String p = "One or more parameter values were invalid: ";
        bothRefuseCreate(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("x", "S")),
                p + "Number of attributes "
                        + "in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        bothRefuseCreate(
                onDemand().attributeDefinitions(attr("x", "S")),
                p + "Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [x]");
        bothRefuseCreate(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("pk", "N")), "Attribute Name is duplicated: pk");
        bothRefuseCreate(
                onDemandWithRange().keySchema(hash("pk"), hash("sk")),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        bothRefuseCreate(
                onDemandWithRange().keySchema(range("pk"), hash("sk")),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        bothRefuseCreate(
                onDemandWithRange().keySchema(hash("pk"), range("pk")),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        bothRefuseCreate(
                onDemand()
                        .attributeDefinitions(attr("a", "S"), attr("b", "S"), attr("c", "S"))
                        .keySchema(hash("a"), range("b"), range("c")),
                "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), "
                        + "KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, "
                        + "keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 2");
        CreateTableRequest onDemandWithUnits = onDemand()
                .tableName(uniqueName())
                .provisionedThroughput(units(1, 1))
                .build();
        assertThat(outcome(() -> client.createTable(onDemandWithUnits)))
                .as("Local")
                .isEqualTo("OK");
        assertThat(message(() -> TableRequests.create(onDemandWithUnits, NOW)))
                .isEqualTo(
                        p + "Neither "
                                + "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        bothRefuseCreate(
                onDemand().billingMode("PROVISIONED"),
                p + "ReadCapacityUnits and WriteCapacityUnits must "
                        + "both be specified when BillingMode is PROVISIONED");
        bothRefuseCreate(
                onDemand().billingMode((String) null),
                p + "ReadCapacityUnits and WriteCapacityUnits must "
                        + "both be specified when BillingMode is PROVISIONED");
        bothRefuseCreate(
                onDemand().streamSpecification(s -> s.streamEnabled(true)),
                p + "Table is being created with a stream enabled, UpdateViewType is required");
        bothRefuseCreate(
                onDemand().streamSpecification(s -> s.streamEnabled(false).streamViewType("KEYS_ONLY")),
                p + "Table is being created with a stream disabled, UpdateViewType should not be specified");
        bothRefuseCreate(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("l", "N"))
                        .localSecondaryIndexes(lsi("by_l", projection("ALL"), hash("pk"), range("l"))),
                p
                        + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        bothRefuseCreate(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                        .globalSecondaryIndexes(gsi("by_g", projection("INCLUDE"), hash("g"))),
                p + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        bothRefuseCreate(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                        .globalSecondaryIndexes(gsi("by_g", projection("ALL", "x"), hash("g"))),
                p + "ProjectionType is ALL, but NonKeyAttributes is specified");
        bothRefuseCreate(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                        .globalSecondaryIndexes(
                                gsi("by_g", projection("ALL"), hash("g")), gsi("by_g", projection("ALL"), hash("g"))),
                p + "Duplicate index name: by_g");
        CreateTableRequest indexWithUnits = onDemand()
                .tableName(uniqueName())
                .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")).toBuilder()
                        .provisionedThroughput(units(1, 1))
                        .build())
                .build();
        assertThat(outcome(() -> client.createTable(indexWithUnits)))
                .as("Local")
                .isEqualTo("OK");
        assertThat(message(() -> TableRequests.create(indexWithUnits, NOW)))
                .isEqualTo(p + "ProvisionedThroughput "
                        + "should not be specified for index: by_g when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void shapeErrorsAreValidationExceptionsInBoth() {
        bothRefuseCreate(
                onDemand().attributeDefinitions(attr("pk", "SS")),
                "1 validation error detected: Value 'SS' "
                        + "at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [B, N, S]");
        bothRefuseCreate(
                onDemand().billingMode("PROVISIONED").provisionedThroughput(units(0, 0)),
                "2 validation errors detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 1; Value '0' at "
                        + "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        CreateTableRequest shortName = onDemand().tableName("ab").build();
        assertThat(outcome(() -> client.createTable(shortName))).isEqualTo("ValidationException");
        assertThat(message(() -> TableRequests.create(shortName, NOW)))
                .isEqualTo("1 validation error detected: "
                        + "Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or "
                        + "equal to 3");
    }

    @Test
    void describedSchemaMatchesLocal() {
        CreateTableRequest request = onDemandWithRange()
                .tableName(uniqueName())
                .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("g", "N"))
                .localSecondaryIndexes(lsi("by_l", projection("KEYS_ONLY"), hash("pk"), range("g")))
                .globalSecondaryIndexes(gsi("by_g", projection("INCLUDE", "zz", "aa"), hash("g"), range("sk")))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES"))
                .build();
        TableDescription theirs = client.createTable(request).tableDescription();
        TableDescription ours = TableRequests.create(request, NOW).describe(TableStats.empty("ACTIVE"));

        assertThat(ours.tableName()).isEqualTo(theirs.tableName());
        assertThat(ours.tableStatus()).isEqualTo(theirs.tableStatus());
        assertThat(ours.keySchema()).isEqualTo(theirs.keySchema());
        assertThat(Set.copyOf(ours.attributeDefinitions())).isEqualTo(Set.copyOf(theirs.attributeDefinitions()));
        assertThat(ours.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName)
                .containsExactly("g", "pk", "sk");
        assertThat(ours.billingModeSummary().billingMode())
                .isEqualTo(theirs.billingModeSummary().billingMode());
        assertThat(ours.provisionedThroughput().readCapacityUnits())
                .isEqualTo(theirs.provisionedThroughput().readCapacityUnits());
        assertThat(ours.itemCount()).isEqualTo(theirs.itemCount());
        assertThat(ours.tableSizeBytes()).isEqualTo(theirs.tableSizeBytes());
        assertThat(ours.deletionProtectionEnabled()).isEqualTo(theirs.deletionProtectionEnabled());
        assertThat(ours.streamSpecification()).isEqualTo(theirs.streamSpecification());
        assertThat(ours.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(theirs.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(ours.latestStreamArn()).isEqualTo(ours.tableArn() + "/stream/" + ours.latestStreamLabel());
        assertThat(theirs.latestStreamArn()).isEqualTo(theirs.tableArn() + "/stream/" + theirs.latestStreamLabel());

        GlobalSecondaryIndexDescription ourGsi = ours.globalSecondaryIndexes().get(0);
        GlobalSecondaryIndexDescription theirGsi =
                theirs.globalSecondaryIndexes().get(0);
        assertThat(ourGsi.indexName()).isEqualTo(theirGsi.indexName());
        assertThat(ourGsi.keySchema()).isEqualTo(theirGsi.keySchema());
        assertThat(ourGsi.projection().projectionType())
                .isEqualTo(theirGsi.projection().projectionType());
        assertThat(new HashSet<>(ourGsi.projection().nonKeyAttributes()))
                .isEqualTo(new HashSet<>(theirGsi.projection().nonKeyAttributes()));
        assertThat(ourGsi.indexStatus()).isEqualTo(theirGsi.indexStatus());
        assertThat(ourGsi.itemCount()).isEqualTo(theirGsi.itemCount());
        assertThat(ourGsi.indexArn()).isEqualTo(ours.tableArn() + "/index/by_g");
        assertThat(theirGsi.indexArn()).isEqualTo(theirs.tableArn() + "/index/by_g");

        LocalSecondaryIndexDescription ourLsi = ours.localSecondaryIndexes().get(0);
        LocalSecondaryIndexDescription theirLsi = theirs.localSecondaryIndexes().get(0);
        assertThat(ourLsi.indexName()).isEqualTo(theirLsi.indexName());
        assertThat(ourLsi.keySchema()).isEqualTo(theirLsi.keySchema());
        assertThat(ourLsi.projection()).isEqualTo(theirLsi.projection());
        assertThat(ourLsi.indexArn()).isEqualTo(ours.tableArn() + "/index/by_l");
    }

    @Test
    void provisionedSchemaMatchesLocal() {
        CreateTableRequest request = onDemand()
                .tableName(uniqueName())
                .billingMode("PROVISIONED")
                .provisionedThroughput(units(2, 3))
                .attributeDefinitions(attr("pk", "S"), attr("g", "N"))
                .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")).toBuilder()
                        .provisionedThroughput(units(4, 5))
                        .build())
                .build();
        TableDescription theirs = client.createTable(request).tableDescription();
        TableDescription ours = TableRequests.create(request, NOW).describe(TableStats.empty("ACTIVE"));

        assertThat(ours.billingModeSummary())
                .isEqualTo(theirs.billingModeSummary())
                .isNull();
        assertThat(ours.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        assertThat(theirs.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        assertThat(ours.provisionedThroughput().writeCapacityUnits())
                .isEqualTo(theirs.provisionedThroughput().writeCapacityUnits());
        assertThat(ours.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits())
                .isEqualTo(theirs.globalSecondaryIndexes()
                        .get(0)
                        .provisionedThroughput()
                        .readCapacityUnits());
        assertThat(ours.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits())
                .isEqualTo(theirs.globalSecondaryIndexes()
                        .get(0)
                        .provisionedThroughput()
                        .writeCapacityUnits());
    }

    /** Runs the same UpdateTable on Local and on this engine; returns both outcomes. */
    private static List<String> updateBoth(String name, TableDefinition[] ours, UpdateTableRequest.Builder req) {
        UpdateTableRequest request = req.tableName(name).build();
        String theirs = outcome(() -> client.updateTable(request));
        String mine;
        try {
            ours[0] = TableRequests.update(ours[0], request, NOW);
            mine = "OK";
        } catch (DynamoDbException e) {
            mine = e.awsErrorDetails().errorCode();
        }
        return List.of(theirs, mine);
    }

    @Test
    void updateTableOutcomesMatchLocal() {
        String name = uniqueName();
        CreateTableRequest create = onDemandWithRange()
                .tableName(name)
                .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("g", "N"))
                .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")))
                .build();
        client.createTable(create);
        TableDefinition[] ours = {TableRequests.create(create, NOW)};

        assertThat(updateBoth(name, ours, UpdateTableRequest.builder())).containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().billingMode("PROVISIONED")))
                .containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(true))))
                .containsOnly("ValidationException");
        assertThat(updateBoth(
                        name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(false))))
                .containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType("NEW_IMAGE"))))
                .containsOnly("OK");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType("KEYS_ONLY"))))
                .containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(false)
                        .streamViewType("KEYS_ONLY"))))
                .containsOnly("ValidationException");
        assertThat(updateBoth(
                        name, ours, UpdateTableRequest.builder().streamSpecification(s -> s.streamEnabled(false))))
                .containsOnly("OK");
        assertThat(updateBoth(
                        name,
                        ours,
                        UpdateTableRequest.builder()
                                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                        .delete(d -> d.indexName("ghost"))
                                        .build())))
                .containsOnly("ResourceNotFoundException");
        assertThat(updateBoth(
                        name,
                        ours,
                        UpdateTableRequest.builder()
                                .attributeDefinitions(attr("g", "N"))
                                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                        .create(c -> c.indexName("by_g")
                                                .keySchema(hash("g"))
                                                .projection(projection("ALL")))
                                        .build())))
                .containsOnly("ValidationException");
        assertThat(updateBoth(
                        name,
                        ours,
                        UpdateTableRequest.builder()
                                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                        .create(c -> c.indexName("by_h")
                                                .keySchema(hash("h"))
                                                .projection(projection("ALL")))
                                        .build())))
                .containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().deletionProtectionEnabled(true)))
                .containsOnly("OK");

        String protectedMessage = "Resource cannot be deleted as it is currently protected against deletion. "
                + "Disable deletion protection first.";
        assertThat(message(() -> client.deleteTable(d -> d.tableName(name)))).isEqualTo(protectedMessage);
        assertThat(message(() -> {
                    TableRequests.checkDeletable(ours[0]);
                    return null;
                }))
                .isEqualTo(protectedMessage);

        // Local accepts capacity on an on-demand table; AWS refuses it.
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().provisionedThroughput(units(1, 1))))
                .containsExactly("OK", "ValidationException");
    }

    @Test
    void throughputThatWillNotChangeIsRefusedByBoth() {
        String name = uniqueName();
        CreateTableRequest create = onDemand()
                .tableName(name)
                .billingMode("PROVISIONED")
                .provisionedThroughput(units(5, 5))
                .build();
        client.createTable(create);
        TableDefinition[] ours = {TableRequests.create(create, NOW)};
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().provisionedThroughput(units(5, 5))))
                .containsOnly("ValidationException");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().provisionedThroughput(units(6, 5))))
                .containsOnly("OK");
        assertThat(updateBoth(name, ours, UpdateTableRequest.builder().billingMode("PAY_PER_REQUEST")))
                .containsOnly("OK");
        TableDescription theirs = client.describeTable(d -> d.tableName(name)).table();
        TableDescription mine = ours[0].describe(TableStats.empty("ACTIVE"));
        assertThat(mine.billingModeSummary().billingMode())
                .isEqualTo(theirs.billingModeSummary().billingMode());
        assertThat(mine.provisionedThroughput().readCapacityUnits())
                .isEqualTo(theirs.provisionedThroughput().readCapacityUnits())
                .isZero();
    }

    @Test
    void timeToLiveMatchesLocal() {
        String name = uniqueName();
        CreateTableRequest create = onDemand().tableName(name).build();
        client.createTable(create);
        TableDefinition[] ours = {TableRequests.create(create, NOW)};

        assertThat(TableRequests.describeTtl(ours[0]))
                .isEqualTo(client.describeTimeToLive(d -> d.tableName(name)).timeToLiveDescription());
        for (boolean enabled : new boolean[] {false, true, true, false, false}) {
            UpdateTimeToLiveRequest request = UpdateTimeToLiveRequest.builder()
                    .tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(enabled).attributeName("expires"))
                    .build();
            String theirs = message(() -> client.updateTimeToLive(request));
            String mine = message(() -> ours[0] = TableRequests.withTtl(ours[0], request));
            assertThat(mine).as("enabled=" + enabled).isEqualTo(theirs);
            TimeToLiveDescription theirTtl =
                    client.describeTimeToLive(d -> d.tableName(name)).timeToLiveDescription();
            assertThat(TableRequests.describeTtl(ours[0])).isEqualTo(theirTtl);
        }
        UpdateTimeToLiveRequest enable = UpdateTimeToLiveRequest.builder()
                .tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))
                .build();
        client.updateTimeToLive(enable);
        ours[0] = TableRequests.withTtl(ours[0], enable);
        UpdateTimeToLiveRequest other = UpdateTimeToLiveRequest.builder()
                .tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("other"))
                .build();
        String theirs = message(() -> client.updateTimeToLive(other));
        String mine = message(() -> TableRequests.withTtl(ours[0], other));
        assertThat(theirs).isEqualTo("TimeToLive is active on a different AttributeName");
        assertThat(mine).isEqualTo(theirs + ": current AttributeName is expires");
    }

    @Test
    void localRefusesTaggingButAwsRules() {
        String name = uniqueName();
        client.createTable(onDemand().tableName(name).build());
        String arn = client.describeTable(d -> d.tableName(name)).table().tableArn();
        assertThat(message(() -> client.tagResource(
                        t -> t.resourceArn(arn).tags(x -> x.key("k").value("v")))))
                .isEqualTo("Tagging is not currently supported in DynamoDB Local.");
        TableDefinition tagged = TableRequests.withTags(
                TableRequests.create(onDemand().build(), NOW),
                List.of(software.amazon.awssdk.services.dynamodb.model.Tag.builder()
                        .key("k")
                        .value("v")
                        .build()));
        assertThat(tagged.tags()).containsEntry("k", "v");
    }

    @Test
    void nonKeyAttributesAreSortedUnlikeLocal() {
        CreateTableRequest request = onDemand()
                .tableName(uniqueName())
                .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                .globalSecondaryIndexes(gsi("by_g", projection("INCLUDE", "zz", "aa"), hash("g")))
                .build();
        List<String> theirs = client.createTable(request)
                .tableDescription()
                .globalSecondaryIndexes()
                .get(0)
                .projection()
                .nonKeyAttributes();
        List<String> ours = TableRequests.create(request, NOW)
                .describe(TableStats.empty("ACTIVE"))
                .globalSecondaryIndexes()
                .get(0)
                .projection()
                .nonKeyAttributes();
        assertThat(theirs).containsExactly("zz", "aa");
        assertThat(ours).containsExactly("aa", "zz");
        assertThat(ours.stream().collect(Collectors.toSet())).isEqualTo(Set.copyOf(theirs));
    }
}
