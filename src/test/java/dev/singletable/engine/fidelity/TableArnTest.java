package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A table's ARN wherever AWS takes a TableName ("You can also provide the Amazon Resource Name (ARN) of the table in
 * this parameter": https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html and every other
 * operation's reference page), in batch RequestItems keys and in transaction actions. ConsumedCapacity names the table
 * as the request did (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html), as do
 * BatchGetItem's Responses ("a map of table name or table ARN to a list of items"). An ARN of another region or
 * account, or of an index, is refused before the table is looked up; the wordings are those public probes of AWS
 * recorded. DynamoDB Local names its tables with its own region, so these cases run on our engine only
 * (docs/fidelity.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableArnTest extends DifferentialTest {

    private String table;
    private String arn;

    @BeforeAll
    void createTable() {
        table = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        arn = ours.describeTable(r -> r.tableName(table)).table().tableArn();
        assertThat(arn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + table);
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(String.valueOf(sk)));
    }

    @Test
    void itemOperationsTakeTheArnAndNameItInConsumedCapacity() {
        var put = ours.putItem(r -> r.tableName(arn)
                .item(Map.of("pk", s("a"), "sk", n("1"), "x", s("one")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(put.consumedCapacity().tableName()).isEqualTo(arn);
        var get = ours.getItem(r -> r.tableName(arn).key(key("a", 1)).returnConsumedCapacity("TOTAL"));
        assertThat(get.item()).containsEntry("x", s("one"));
        assertThat(get.consumedCapacity().tableName()).isEqualTo(arn);
        // the same item by name
        assertThat(ours.getItem(r -> r.tableName(table).key(key("a", 1))).item())
                .containsEntry("x", s("one"));
        ours.updateItem(r -> r.tableName(arn)
                .key(key("a", 1))
                .updateExpression("SET x = :v")
                .expressionAttributeValues(Map.of(":v", s("uno"))));
        var query = ours.query(r -> r.tableName(arn)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))
                .returnConsumedCapacity("TOTAL"));
        assertThat(query.items()).singleElement().satisfies(i -> assertThat(i).containsEntry("x", s("uno")));
        assertThat(query.consumedCapacity().tableName()).isEqualTo(arn);
        var scan = ours.scan(r -> r.tableName(arn).returnConsumedCapacity("TOTAL"));
        assertThat(scan.count()).isPositive();
        assertThat(scan.consumedCapacity().tableName()).isEqualTo(arn);
        ours.deleteItem(r -> r.tableName(arn).key(key("a", 1)));
        assertThat(ours.getItem(r -> r.tableName(table).key(key("a", 1))).hasItem())
                .isFalse();
    }

    @Test
    void batchesAreKeyedAsTheRequestNamedTheTable() {
        ours.batchWriteItem(r -> r.requestItems(Map.of(
                arn,
                List.of(
                        WriteRequest.builder()
                                .putRequest(p -> p.item(Map.of("pk", s("b"), "sk", n("1"))))
                                .build(),
                        WriteRequest.builder()
                                .putRequest(p -> p.item(Map.of("pk", s("b"), "sk", n("2"))))
                                .build()))));
        BatchGetItemResponse got = ours.batchGetItem(r -> r.returnConsumedCapacity("TOTAL")
                .requestItems(Map.of(
                        arn,
                        KeysAndAttributes.builder()
                                .keys(key("b", 1), key("b", 2))
                                .build())));
        assertThat(got.responses()).containsOnlyKeys(arn);
        assertThat(got.responses().get(arn)).hasSize(2);
        assertThat(got.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.tableName())
                .isEqualTo(arn));
        // the name and the ARN are one table: the same key twice is a duplicate
        Outcome duplicate = oursOnly(c -> c.batchWriteItem(r -> r.requestItems(Map.of(
                arn,
                        List.of(WriteRequest.builder()
                                .deleteRequest(d -> d.key(key("b", 1)))
                                .build()),
                table,
                        List.of(WriteRequest.builder()
                                .deleteRequest(d -> d.key(key("b", 1)))
                                .build())))));
        assertThat(duplicate.errorCode()).isEqualTo("ValidationException");
        assertThat(duplicate.message()).isEqualTo("Provided list of item keys contains duplicates");
    }

    @Test
    void transactionsTakeTheArn() {
        var written = ours.transactWriteItems(r -> r.returnConsumedCapacity("TOTAL")
                .transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(arn).item(Map.of("pk", s("c"), "sk", n("1"))))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(Map.of("pk", s("c"), "sk", n("2"))))
                                .build()));
        assertThat(written.consumedCapacity()).extracting(c -> c.tableName()).containsExactly(arn, table);
        var read = ours.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder()
                        .get(g -> g.tableName(arn).key(key("c", 1)))
                        .build(),
                TransactGetItem.builder()
                        .get(g -> g.tableName(arn).key(key("c", 2)))
                        .build()));
        assertThat(read.responses()).allSatisfy(i -> assertThat(i.item()).containsKey("pk"));
        // one item named once by name and once by ARN is one item twice
        Outcome twice = oursOnly(c -> c.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(arn).key(key("c", 1)))
                        .build(),
                TransactWriteItem.builder()
                        .conditionCheck(
                                k -> k.tableName(table).key(key("c", 1)).conditionExpression("attribute_exists(pk)"))
                        .build())));
        assertThat(twice.message()).isEqualTo("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void theControlPlaneTakesTheArnAndAnswersWithTheName() {
        String other = hashTable("pk", ScalarAttributeType.S);
        String otherArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + other;
        assertThat(ours.describeTable(r -> r.tableName(otherArn)).table().tableName())
                .isEqualTo(other);
        assertThat(ours.updateTable(r -> r.tableName(otherArn).deletionProtectionEnabled(false))
                        .tableDescription()
                        .tableName())
                .isEqualTo(other);
        ours.updateTimeToLive(r -> r.tableName(otherArn)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(ours.describeTimeToLive(r -> r.tableName(otherArn))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expires");
        assertThat(ours.describeContinuousBackups(r -> r.tableName(otherArn))
                        .continuousBackupsDescription()
                        .continuousBackupsStatusAsString())
                .isEqualTo("ENABLED");
        assertThat(ours.createBackup(r -> r.tableName(otherArn).backupName("by_arn"))
                        .backupDetails()
                        .backupName())
                .isEqualTo("by_arn");
        assertThat(ours.deleteTable(r -> r.tableName(otherArn))
                        .tableDescription()
                        .tableName())
                .isEqualTo(other);
        // a missing table: the control plane names it, the data plane does not
        Outcome describe = oursOnly(c -> c.describeTable(r -> r.tableName(otherArn)));
        assertThat(describe.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(describe.message()).isEqualTo("Requested resource not found: Table: " + other + " not found");
        Outcome get = oursOnly(c -> c.getItem(r -> r.tableName(otherArn).key(Map.of("pk", s("a")))));
        assertThat(get.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(get.message()).isEqualTo("Requested resource not found");
    }

    @Test
    void aMissingTableIsNamedByTheControlPlane() {
        // DynamoDB Local: "Cannot do operations on a non-existent table" for all of them
        awsDiffers(
                c -> c.describeTable(r -> r.tableName("no_such_table_arn")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table_arn not found");
        awsDiffers(
                c -> c.deleteTable(r -> r.tableName("no_such_table_arn")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table_arn not found");
        awsDiffers(
                c -> c.updateTable(r -> r.tableName("no_such_table_arn").billingMode("PAY_PER_REQUEST")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table_arn not found");
        awsDiffers(
                c -> c.describeTimeToLive(r -> r.tableName("no_such_table_arn")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: no_such_table_arn not found");
    }

    @Test
    void anArnOfAnotherRegionOrAccountOrOfAnIndexIsRefused() {
        String otherRegion = arn.replace(":us-east-1:", ":eu-west-1:");
        Outcome region = oursOnly(c -> c.getItem(r -> r.tableName(otherRegion).key(key("a", 1))));
        assertThat(region.errorCode()).isEqualTo("ValidationException");
        assertThat(region.message())
                .isEqualTo("1 validation error detected: Invalid AWS region in '" + otherRegion + "'");
        String otherAccount = arn.replace(":000000000000:", ":111122223333:");
        Outcome account = oursOnly(c -> c.describeTable(r -> r.tableName(otherAccount)));
        assertThat(account.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.message()).isEqualTo("Access is denied");
        String index = arn + "/index/gsi";
        Outcome indexArn = oursOnly(c -> c.query(r ->
                r.tableName(index).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))));
        assertThat(indexArn.errorCode()).isEqualTo("ValidationException");
        assertThat(indexArn.message())
                .isEqualTo("1 validation error detected: Invalid resource type in '" + index + "'");
        String partition = arn.replace("arn:aws:", "arn:aws-cn:");
        assertThat(oursOnly(c -> c.describeTable(r -> r.tableName(partition))).message())
                .isEqualTo("1 validation error detected: Invalid AWS partition in '" + partition + "'");
    }

    @Test
    void taggingArnsAreCheckedAsAwsChecksThem() {
        Outcome bare = oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(table)));
        assertThat(bare.errorCode()).isEqualTo("ValidationException");
        assertThat(bare.message())
                .isEqualTo("One or more parameter values were invalid: ARNs must start with 'arn:': " + table);
        Outcome index = oursOnly(c -> c.tagResource(
                r -> r.resourceArn(arn + "/index/gsi").tags(t -> t.key("k").value("v"))));
        assertThat(index.message())
                .isEqualTo("One or more parameter values were invalid: Invalid resource arn "
                        + "provided, only table or stream is accepted. Provided resource arn: " + arn + "/index/gsi");
        String sqs = "arn:aws:sqs:us-east-1:000000000000:queue";
        assertThat(oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(sqs))).message())
                .isEqualTo("One or more "
                        + "parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + sqs);
        String otherAccount = arn.replace(":000000000000:", ":111122223333:");
        assertThat(oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(otherAccount)))
                        .errorCode())
                .isEqualTo("AccessDeniedException");
        String otherRegion = arn.replace(":us-east-1:", ":eu-west-1:");
        assertThat(oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(otherRegion)))
                        .message())
                .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input " + otherRegion);
        String missing = arn + "_gone";
        Outcome notFound = oursOnly(c -> c.listTagsOfResource(r -> r.resourceArn(missing)));
        assertThat(notFound.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(notFound.message())
                .isEqualTo("Requested resource not found: ResourceArn: " + missing + " not found");
    }
}
