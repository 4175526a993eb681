package dev.singletable.engine.table;

import static dev.singletable.engine.table.Requests.attr;
import static dev.singletable.engine.table.Requests.gsi;
import static dev.singletable.engine.table.Requests.hash;
import static dev.singletable.engine.table.Requests.key;
import static dev.singletable.engine.table.Requests.lsi;
import static dev.singletable.engine.table.Requests.onDemand;
import static dev.singletable.engine.table.Requests.onDemandWithRange;
import static dev.singletable.engine.table.Requests.projection;
import static dev.singletable.engine.table.Requests.range;
import static dev.singletable.engine.table.Requests.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** CreateTable's semantic rules, with the messages AWS returns. */
class CreateTableRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final String PREFIX = "One or more parameter values were invalid: ";

    private static TableDefinition create(CreateTableRequest.Builder req) {
        return TableRequests.create(req.build(), NOW);
    }

    private static void assertInvalid(CreateTableRequest.Builder req, String message) {
        assertThatThrownBy(() -> create(req))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                })
                .hasMessageStartingWith(message);
        assertThatThrownBy(() -> create(req))
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo(message);
    }

    @Test
    void createsAnOnDemandTableWithIdentity() {
        TableDefinition table = TableRequests.create(onDemandWithRange().build(), NOW, "eu-west-1", "123456789012");

        assertThat(table.name()).isEqualTo("tbl");
        assertThat(table.arn()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/tbl");
        assertThat(table.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(table.createdAt()).isEqualTo(NOW);
        assertThat(table.primaryKey()).isEqualTo(new KeyDef("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S));
        assertThat(table.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.throughput().readCapacityUnits()).isZero();
        assertThat(table.attributeType("sk")).isEqualTo(ScalarAttributeType.S);
        assertThat(table.attributeType("other")).isNull();
        assertThat(table.index("none")).isNull();
    }

    @Test
    void defaultRegionAndAccount() {
        assertThat(create(onDemand()).arn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tbl");
    }

    @Test
    void missingBillingModeMeansProvisionedAndNeedsThroughput() {
        assertInvalid(
                onDemand().billingMode((String) null),
                PREFIX
                        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertInvalid(
                onDemand().billingMode("PROVISIONED"),
                PREFIX
                        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        TableDefinition table = create(onDemand().billingMode((String) null).provisionedThroughput(units(5, 7)));
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.throughput().readCapacityUnits()).isEqualTo(5);
        assertThat(table.throughput().writeCapacityUnits()).isEqualTo(7);
    }

    @Test
    void onDemandRefusesThroughput() {
        assertInvalid(
                onDemand().provisionedThroughput(units(1, 1)),
                PREFIX
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void capacityAboveOneTrillionIsOutOfBounds() {
        assertInvalid(
                onDemand()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(1_000_000_000_001L, 1_000_000_000_001L)),
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        assertInvalid(
                onDemand()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(1_000_000_000_000L, 1_000_000_000_001L)),
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds");
    }

    @Test
    void keySchemaNeedsDefinitions() {
        assertInvalid(
                onDemand().attributeDefinitions(List.of()).keySchema(hash("a")),
                "Invalid KeySchema: Some index key attribute have no definition");
        assertInvalid(
                onDemand().attributeDefinitions(attr("a", "S")).keySchema(hash("a"), range("b")),
                "Invalid KeySchema: Some index key attribute have no definition");
        assertInvalid(
                onDemand().attributeDefinitions(attr("b", "S")).keySchema(hash("a")),
                PREFIX
                        + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
    }

    @Test
    void keySchemaOrderAndNames() {
        CreateTableRequest.Builder twoDefs = onDemand().attributeDefinitions(attr("a", "S"), attr("b", "S"));
        assertInvalid(
                twoDefs.copy().keySchema(hash("a"), hash("a")),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        assertInvalid(
                twoDefs.copy().keySchema(hash("a"), hash("b")),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        assertInvalid(
                twoDefs.copy().keySchema(range("a"), hash("b")),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertInvalid(
                twoDefs.copy().keySchema(range("a"), range("b")),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertInvalid(
                onDemand().keySchema(range("pk")),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    /** A table's KeySchema has at most two elements: AWS refuses a third by the list's length (conformance suite). */
    @Test
    void atMostTwoKeySchemaElements() {
        CreateTableRequest.Builder threeDefs =
                onDemand().attributeDefinitions(attr("a", "S"), attr("b", "S"), attr("c", "S"));
        assertInvalid(
                threeDefs.copy().keySchema(hash("a"), range("b"), range("c")),
                "1 validation error detected: "
                        + "Value '[KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, "
                        + "keyType=RANGE), KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 2");
        assertInvalid(
                threeDefs.copy().keySchema(hash("a"), hash("b"), range("c")),
                "1 validation error detected: "
                        + "Value '[KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, "
                        + "keyType=HASH), KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 2");
    }

    @Test
    void definitionsMustMatchKeysExactly() {
        assertInvalid(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("x", "N")),
                PREFIX
                        + "Number of attributes in KeySchema does not exactly match number of attributes defined in "
                        + "AttributeDefinitions");
        assertInvalid(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("pk", "N")), "Attribute Name is duplicated: pk");
    }

    @Test
    void unusedDefinitionsWithIndexesListBothSetsSorted() {
        assertInvalid(
                onDemand()
                        .attributeDefinitions(attr("id", "S"), attr("user", "S"), attr("created_at", "N"))
                        .keySchema(hash("id"))
                        .globalSecondaryIndexes(gsi("by_user", projection("ALL"), hash("user"))),
                PREFIX + "Some AttributeDefinitions are not used. AttributeDefinitions: [created_at, id, user], "
                        + "keys used: [id, user]");
    }

    @Test
    void undefinedIndexKeyComesBeforeUnusedDefinitions() {
        assertInvalid(
                onDemand()
                        .attributeDefinitions(attr("id", "S"), attr("created_at", "N"))
                        .keySchema(hash("id"))
                        .globalSecondaryIndexes(gsi("by_user", projection("ALL"), hash("user"))),
                PREFIX + "Some index key attributes are not defined in AttributeDefinitions. Keys: [user], "
                        + "AttributeDefinitions: [created_at, id]");
    }

    @Test
    void unusedDefinitionMasksLaterIndexErrors() {
        assertInvalid(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("g", "S"), attr("x", "S"))
                        .globalSecondaryIndexes(gsi("gsi1", projection(null), hash("g"))),
                PREFIX
                        + "Some AttributeDefinitions are not used. AttributeDefinitions: [g, pk, x], keys used: [g, pk]");
    }

    @Test
    void emptyIndexListsAreRefused() {
        assertInvalid(
                onDemandWithRange().localSecondaryIndexes(List.of()),
                PREFIX + "List of LocalSecondaryIndexes is empty");
        assertInvalid(onDemand().globalSecondaryIndexes(List.of()), PREFIX + "List of GlobalSecondaryIndexes is empty");
    }

    @Test
    void localIndexRules() {
        CreateTableRequest.Builder base =
                onDemandWithRange().attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "N"));
        assertInvalid(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("l", "N"))
                        .localSecondaryIndexes(lsi("idx", projection("ALL"), hash("pk"), range("l"))),
                PREFIX + "Table KeySchema does not have a range key, which is required when specifying a "
                        + "LocalSecondaryIndex");
        assertInvalid(
                base.copy().localSecondaryIndexes(lsi("idx", projection("ALL"), hash("l"))),
                PREFIX + "Index KeySchema does not have a range key for index: idx");
        assertInvalid(
                base.copy().localSecondaryIndexes(lsi("idx", projection("ALL"), hash("l"), range("pk"))),
                PREFIX + "Index KeySchema does not have the same leading hash key as table KeySchema for index: idx. "
                        + "index hash key: l, table hash key: pk");
        assertInvalid(
                base.copy().localSecondaryIndexes(lsi("idx", projection("ALL"), range("pk"), range("l"))),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertInvalid(
                base.copy().localSecondaryIndexes(lsi("idx", projection("ALL"), hash("pk"), hash("l"))),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        assertInvalid(
                base.copy().localSecondaryIndexes(lsi("idx", projection("ALL"), hash("pk"), range("pk"))),
                PREFIX
                        + "Some AttributeDefinitions are not used. AttributeDefinitions: [l, pk, sk], keys used: [pk, sk]");
        assertInvalid(
                base.copy()
                        .localSecondaryIndexes(
                                lsi("idx", projection("ALL"), hash("pk"), range("l")),
                                lsi("idx", projection("ALL"), hash("pk"), range("l"))),
                PREFIX + "Duplicate index name: idx");
    }

    @Test
    void atMostFiveLocalIndexes() {
        List<software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(lsi("idx" + i, projection("KEYS_ONLY"), hash("pk"), range("l")));
        }
        assertInvalid(
                onDemandWithRange()
                        .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "N"))
                        .localSecondaryIndexes(six),
                PREFIX + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    @Test
    void projectionRules() {
        CreateTableRequest.Builder base = onDemand().attributeDefinitions(attr("pk", "S"), attr("g", "S"));
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection(null), hash("g"))),
                PREFIX + "Unknown ProjectionType: null");
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection(null, "a"), hash("g"))),
                PREFIX + "Unknown ProjectionType: null");
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection("ALL", "a"), hash("g"))),
                PREFIX + "ProjectionType is ALL, but NonKeyAttributes is specified");
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection("KEYS_ONLY", "a"), hash("g"))),
                PREFIX + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection("INCLUDE"), hash("g"))),
                PREFIX + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        assertInvalid(
                base.copy().globalSecondaryIndexes(gsi("gsi1", projection("INCLUDE", "a", "b", "a"), hash("g"))),
                PREFIX + "Duplicate element in NonKeyAttributes: a");
    }

    @Test
    void globalIndexThroughputFollowsBillingMode() {
        CreateTableRequest.Builder base = onDemand().attributeDefinitions(attr("pk", "S"), attr("g", "S"));
        GlobalSecondaryIndex withUnits = gsi("gsi1", projection("ALL"), hash("g")).toBuilder()
                .provisionedThroughput(units(1, 1))
                .build();
        assertInvalid(
                base.copy().globalSecondaryIndexes(withUnits),
                PREFIX
                        + "ProvisionedThroughput should not be specified for index: gsi1 when BillingMode is PAY_PER_REQUEST");
        assertInvalid(
                base.copy()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(1, 1))
                        .globalSecondaryIndexes(gsi("gsi1", projection("ALL"), hash("g"))),
                PREFIX + "ProvisionedThroughput is not specified for index: gsi1");
        TableDefinition table = create(base.copy()
                .billingMode("PROVISIONED")
                .provisionedThroughput(units(1, 1))
                .globalSecondaryIndexes(
                        withUnits.toBuilder().provisionedThroughput(units(3, 4)).build()));
        assertThat(table.index("gsi1").throughput().readCapacityUnits()).isEqualTo(3);
    }

    @Test
    void atMostTwentyGlobalIndexes() {
        List<GlobalSecondaryIndex> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(gsi("g" + i + "x", projection("ALL"), hash("g")));
        }
        assertInvalid(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("g", "S")).globalSecondaryIndexes(many),
                PREFIX + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }

    @Test
    void duplicateNamesAcrossLocalAndGlobalIndexes() {
        assertInvalid(
                onDemandWithRange()
                        .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "N"))
                        .localSecondaryIndexes(lsi("idx", projection("ALL"), hash("pk"), range("l")))
                        .globalSecondaryIndexes(gsi("idx", projection("ALL"), hash("l"))),
                PREFIX + "Duplicate index name: idx");
    }

    @Test
    void projectedAttributesAcrossIndexesAreLimited() {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String[] attributes = new String[17];
            for (int j = 0; j < attributes.length; j++) {
                attributes[j] = "a" + j;
            }
            indexes.add(gsi("g" + i + "x", projection("INCLUDE", attributes), hash("g")));
        }
        assertInvalid(
                onDemand().attributeDefinitions(attr("pk", "S"), attr("g", "S")).globalSecondaryIndexes(indexes),
                PREFIX + "Number of projected attributes in all indexes exceeds limit of 100, provided: 102");
    }

    @Test
    void buildsIndexes() {
        TableDefinition table = create(onDemandWithRange()
                .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "N"), attr("g", "B"))
                .localSecondaryIndexes(lsi("by_l", projection("KEYS_ONLY"), hash("pk"), range("l")))
                .globalSecondaryIndexes(gsi("by_g", projection("INCLUDE", "x", "y"), hash("g"), range("sk"))));

        IndexDef local = table.index("by_l");
        assertThat(local.global()).isFalse();
        assertThat(local.key()).isEqualTo(new KeyDef("pk", ScalarAttributeType.S, "l", ScalarAttributeType.N));
        assertThat(local.projection()).isEqualTo(ProjectionType.KEYS_ONLY);
        IndexDef global = table.index("by_g");
        assertThat(global.global()).isTrue();
        assertThat(global.key()).isEqualTo(new KeyDef("g", ScalarAttributeType.B, "sk", ScalarAttributeType.S));
        assertThat(global.nonKeyAttributes()).containsExactly("x", "y");
        assertThat(global.throughput()).isEqualTo(Throughput.ZERO);
        assertThat(table.globalIndexes()).containsExactly(global);
        assertThat(table.localIndexes()).containsExactly(local);
        assertThat(table.attributeType("g")).isEqualTo(ScalarAttributeType.B);
    }

    @Test
    void streamSpecificationRules() {
        assertInvalid(
                onDemand().streamSpecification(s -> s.streamEnabled(true)),
                PREFIX + "Table is being created with a stream enabled, UpdateViewType is required");
        assertInvalid(
                onDemand().streamSpecification(s -> s.streamEnabled(false).streamViewType("KEYS_ONLY")),
                PREFIX + "Table is being created with a stream disabled, UpdateViewType should not be specified");
        assertThat(create(onDemand().streamSpecification(s -> s.streamEnabled(false)))
                        .streamEnabled())
                .isFalse();

        TableDefinition table =
                create(onDemand().streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES")));
        assertThat(table.streamEnabled()).isTrue();
        assertThat(table.latestStreamLabel()).isEqualTo("2026-11-21T10:15:30.123");
        assertThat(table.latestStreamArn()).isEqualTo(table.arn() + "/stream/2026-11-21T10:15:30.123");
    }

    @Test
    void tableClassIsCheckedWithItsOwnMessage() {
        assertInvalid(
                onDemand().tableClass("GLACIER"),
                "Invalid table-class parameter provided. Please try again with "
                        + "a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        assertThat(create(onDemand().tableClass("STANDARD_INFREQUENT_ACCESS"))
                        .tableClass()
                        .toString())
                .isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(create(onDemand()).tableClass()).isNull();
    }

    @Test
    void encryptionRules() {
        assertInvalid(
                onDemand().sseSpecification(s -> s.enabled(false).sseType("KMS")),
                PREFIX + "SSEType can not be specified if Enabled is false");
        assertInvalid(
                onDemand().sseSpecification(s -> s.enabled(false).kmsMasterKeyId("k")),
                PREFIX + "KMSMasterKeyId can not be specified if Enabled is false");
        assertInvalid(
                onDemand().sseSpecification(s -> s.enabled(true).sseType("AES256")),
                PREFIX + "SSEType AES256 is not supported");
        assertInvalid(
                onDemand().sseSpecification(s -> s.enabled(true).kmsMasterKeyId("k")),
                PREFIX + "SSEType KMS is required if KMSMasterKeyId is specified");
        assertThat(create(onDemand().sseSpecification(s -> s.enabled(false))).sse())
                .isNull();
        assertThat(create(onDemand().sseSpecification(s -> {})).sse()).isNull();
        assertThat(create(onDemand().sseSpecification(s -> s.sseType("KMS")))
                        .sse()
                        .kmsMasterKeyArn())
                .startsWith("arn:aws:kms:us-east-1:000000000000:key/");
        String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertThat(create(onDemand()
                                .sseSpecification(
                                        s -> s.enabled(true).sseType("KMS").kmsMasterKeyId(arn)))
                        .sse()
                        .kmsMasterKeyArn())
                .isEqualTo(arn);
    }

    @Test
    void onDemandThroughputRules() {
        assertInvalid(
                onDemand()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(1, 1))
                        .onDemandThroughput(o -> o.maxReadRequestUnits(10L)),
                PREFIX + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode "
                        + "is PROVISIONED");
        assertInvalid(
                onDemand().onDemandThroughput(o -> o.maxWriteRequestUnits(0L)),
                PREFIX + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        TableDefinition table = create(onDemand().onDemandThroughput(o -> o.maxReadRequestUnits(50L)));
        assertThat(table.onDemandLimits()).isEqualTo(new TableDefinition.OnDemandLimits(50, -1));
    }

    @Test
    void tagsAndDeletionProtection() {
        TableDefinition table = create(onDemand()
                .deletionProtectionEnabled(true)
                .tags(Tag.builder().key("env").value("dev").build()));
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.tags()).containsEntry("env", "dev");
        assertThat(create(onDemand().tags(List.of())).tags()).isEmpty();
        assertInvalid(
                onDemand().tags(Tag.builder().key("aws:x").value("v").build()),
                "Tag Key cannot be prefixed with aws:, Key: aws:x");
    }

    @Test
    void shapeErrorsComeFirstAndAccumulate() {
        assertInvalid(
                onDemand().tableName("ab").keySchema(key("pk", "PARTITION")),
                "2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 3; Value 'PARTITION' at 'keySchema.1.member.keyType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
    }
}
