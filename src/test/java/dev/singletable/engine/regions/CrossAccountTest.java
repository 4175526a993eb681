package dev.singletable.engine.regions;

import static dev.singletable.engine.regions.RegionsTest.createTable;
import static dev.singletable.engine.regions.RegionsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Another account's table or stream, named by its ARN, without configured principals: each account acts as its root
 * user, and IAM's cross-account rule decides
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html): the call
 * is allowed when the resource's policy grants the caller's account, else refused as AWS refuses it ("Access is
 * denied" for a table ARN in a TableName member, IAM's sentence for other resources).
 */
class CrossAccountTest {

    private static final String PARTNER = "111111111111";

    @Test
    void aTablePolicyGrantingTheCallersAccountLetsItUseTheTableArn() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient owner = engine.dynamoDbClient();
            DynamoDbClient partner = engine.clients(PARTNER, "us-east-1").dynamo();
            DynamoDbClient stranger =
                    engine.clients("222222222222", "us-east-1").dynamo();
            String arn = createTable(owner, "music").tableArn();
            owner.putItem(b -> b.tableName("music").item(Map.of("pk", s("a"), "title", s("Help"))));
            owner.putResourcePolicy(b -> b.resourceArn(arn).policy("""
                    {"Version":"2012-10-17","Statement":[
                      {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                       "Action":["dynamodb:GetItem","dynamodb:BatchGetItem","dynamodb:Query","dynamodb:DescribeTable"],
                       "Resource":"%s"},
                      {"Effect":"Deny","Principal":{"AWS":"%s"},"Action":"dynamodb:Query","Resource":"%s"}]}""".formatted(PARTNER, arn, PARTNER, arn)));

            assertThat(partner.getItem(b -> b.tableName(arn).key(Map.of("pk", s("a"))))
                            .item())
                    .containsEntry("title", s("Help"));
            assertThat(partner.batchGetItem(b -> b.requestItems(Map.of(
                                    arn,
                                    KeysAndAttributes.builder()
                                            .keys(Map.of("pk", s("a")))
                                            .build())))
                            .responses()
                            .get(arn))
                    .as("a batch is answered under the name it was asked by")
                    .hasSize(1);
            assertThat(partner.describeTable(b -> b.tableName(arn)).table().tableArn())
                    .isEqualTo(arn);
            assertThat(partner.listTables().tableNames())
                    .as("its own account still has no tables")
                    .isEmpty();

            // not granted (PutItem), explicitly denied (Query), another account (stranger): refused as before
            assertDenied(() -> partner.putItem(b -> b.tableName(arn).item(Map.of("pk", s("b")))), "Access is denied");
            assertDenied(
                    () -> partner.query(b -> b.tableName(arn)
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("a")))),
                    "Access is denied");
            assertDenied(() -> stranger.getItem(b -> b.tableName(arn).key(Map.of("pk", s("a")))), "Access is denied");
            assertDenied(
                    () -> partner.listTagsOfResource(b -> b.resourceArn(arn)),
                    "User: arn:aws:iam::" + PARTNER
                            + ":root is not authorized to perform: dynamodb:ListTagsOfResource on resource: " + arn
                            + " because no resource-based policy allows the dynamodb:ListTagsOfResource action");
            assertThat(owner.getItem(b -> b.tableName("music").key(Map.of("pk", s("b"))))
                            .hasItem())
                    .as("the refused PutItem wrote nothing")
                    .isFalse();
        }
    }

    @Test
    void aBatchOverTwoAccountsTablesRunsEachPartInItsOwnAccount() {
        // a batch is no transaction: each table's part stands on its own, so AWS runs one over tables of two
        // accounts when every part is allowed (BatchGetItem and BatchWriteItem support cross-account access,
        // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-iam-actions.html)
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient owner = engine.dynamoDbClient();
            DynamoDbClient partner = engine.clients(PARTNER, "us-east-1").dynamo();
            String arn = createTable(owner, "music").tableArn();
            String secret = createTable(owner, "secret").tableArn();
            createTable(partner, "mine");
            owner.putItem(b -> b.tableName("music").item(Map.of("pk", s("a"), "title", s("Help"))));
            partner.putItem(b -> b.tableName("mine").item(Map.of("pk", s("m"), "title", s("Mine"))));
            owner.putResourcePolicy(b -> b.resourceArn(arn).policy("""
                    {"Version":"2012-10-17","Statement":[
                      {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                       "Action":["dynamodb:BatchGetItem","dynamodb:BatchWriteItem","dynamodb:PutItem",
                                 "dynamodb:GetItem","dynamodb:ConditionCheckItem"],
                       "Resource":"%s"}]}""".formatted(PARTNER, arn)));

            BatchGetItemResponse read = partner.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .requestItems(Map.of(
                            arn,
                            KeysAndAttributes.builder()
                                    .keys(Map.of("pk", s("a")), Map.of("pk", s("none")))
                                    .build(),
                            "mine",
                            KeysAndAttributes.builder()
                                    .keys(Map.of("pk", s("m")))
                                    .build())));
            assertThat(read.responses())
                    .as("each part keyed as the request named its table")
                    .containsOnlyKeys(arn, "mine");
            assertThat(read.responses().get(arn)).singleElement().satisfies(i -> assertThat(i)
                    .containsEntry("title", s("Help")));
            assertThat(read.responses().get("mine")).singleElement().satisfies(i -> assertThat(i)
                    .containsEntry("title", s("Mine")));
            assertThat(read.unprocessedKeys()).isEmpty();
            assertThat(read.consumedCapacity())
                    .extracting(ConsumedCapacity::tableName)
                    .containsExactlyInAnyOrder(arn, "mine");

            BatchWriteItemResponse written = partner.batchWriteItem(b -> b.requestItems(Map.of(
                    arn,
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("pk", s("w1"))))
                            .build()),
                    "mine",
                    List.of(
                            WriteRequest.builder()
                                    .putRequest(p -> p.item(Map.of("pk", s("w2"))))
                                    .build(),
                            WriteRequest.builder()
                                    .deleteRequest(d -> d.key(Map.of("pk", s("m"))))
                                    .build()))));
            assertThat(written.unprocessedItems()).isEmpty();
            assertThat(owner.getItem(b -> b.tableName("music").key(Map.of("pk", s("w1"))))
                            .hasItem())
                    .isTrue();
            assertThat(partner.getItem(b -> b.tableName("mine").key(Map.of("pk", s("w2"))))
                            .hasItem())
                    .isTrue();
            assertThat(partner.getItem(b -> b.tableName("mine").key(Map.of("pk", s("m"))))
                            .hasItem())
                    .isFalse();

            // the whole request is validated before any part runs: 120 keys are too many, split 60/60 or not
            List<Map<String, AttributeValue>> sixty = IntStream.range(0, 60)
                    .mapToObj(i -> Map.of("pk", s("k" + i)))
                    .toList();
            assertThatThrownBy(() -> partner.batchGetItem(b -> b.requestItems(Map.of(
                            arn,
                            KeysAndAttributes.builder().keys(sixty).build(),
                            "mine",
                            KeysAndAttributes.builder().keys(sixty).build()))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Too many items requested for the BatchGetItem call");
                    });
            // a part whose key does not match its table's schema: refused before the part named first is written
            Map<String, List<WriteRequest>> mineFirst = new LinkedHashMap<>();
            mineFirst.put(
                    "mine",
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("pk", s("w3"))))
                            .build()));
            mineFirst.put(
                    arn,
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("other", s("x"))))
                            .build()));
            assertThatThrownBy(() -> partner.batchWriteItem(b -> b.requestItems(mineFirst)))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThat(partner.getItem(b -> b.tableName("mine").key(Map.of("pk", s("w3"))))
                            .hasItem())
                    .as("the refused batch wrote nothing")
                    .isFalse();
            // a part that is not allowed (no policy on 'secret') refuses the whole batch before anything is written
            assertDenied(
                    () -> partner.batchWriteItem(b -> b.requestItems(Map.of(
                            "mine",
                            List.of(WriteRequest.builder()
                                    .putRequest(p -> p.item(Map.of("pk", s("w4"))))
                                    .build()),
                            secret,
                            List.of(WriteRequest.builder()
                                    .putRequest(p -> p.item(Map.of("pk", s("x"))))
                                    .build())))),
                    "Access is denied");
            assertThat(partner.getItem(b -> b.tableName("mine").key(Map.of("pk", s("w4"))))
                            .hasItem())
                    .as("the refused batch wrote nothing")
                    .isFalse();
            // a transaction over two accounts stays refused: atomicity across two namespaces is not modelled
            assertDenied(
                    () -> partner.transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName(arn).item(Map.of("pk", s("t1"))))
                                    .build(),
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName("mine").item(Map.of("pk", s("t2"))))
                                    .build())),
                    "Access is denied");
            assertDenied(
                    () -> partner.transactGetItems(b -> b.transactItems(
                            TransactGetItem.builder()
                                    .get(g -> g.tableName(arn).key(Map.of("pk", s("a"))))
                                    .build(),
                            TransactGetItem.builder()
                                    .get(g -> g.tableName("mine").key(Map.of("pk", s("w2"))))
                                    .build())),
                    "Access is denied");
            assertThat(owner.getItem(b -> b.tableName("music").key(Map.of("pk", s("t1"))))
                            .hasItem())
                    .isFalse();
        }
    }

    @Test
    void aThrottledPartOfABatchOverTwoAccountsIsLeftUnprocessedUnlessNoPartIsServed() {
        // as one table's throttled writes are in one account's batch: unprocessed, and an error only when nothing
        // was taken (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html)
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z")); // no refill unless moved
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.inMemory().withClock(clock))) {
            DynamoDbClient owner = engine.dynamoDbClient();
            DynamoDbClient partner = engine.clients(PARTNER, "us-east-1").dynamo();
            String arn = oneWcuTable(owner, "small");
            oneWcuTable(partner, "mine");
            owner.putResourcePolicy(b -> b.resourceArn(arn).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                      "Action":"dynamodb:BatchWriteItem","Resource":"%s"}]}""".formatted(PARTNER, arn)));
            for (int i = 0; i < 300; i++) { // a new 1-WCU table's 300 units of burst, spent
                int n = i;
                owner.putItem(b -> b.tableName("small").item(Map.of("pk", s("k" + n))));
            }
            WriteRequest theirs = WriteRequest.builder()
                    .putRequest(p -> p.item(Map.of("pk", s("theirs"))))
                    .build();
            WriteRequest mine = WriteRequest.builder()
                    .putRequest(p -> p.item(Map.of("pk", s("mine"))))
                    .build();

            BatchWriteItemResponse out =
                    partner.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(theirs), "mine", List.of(mine))));
            assertThat(out.unprocessedItems()).containsOnlyKeys(arn);
            assertThat(out.unprocessedItems().get(arn)).containsExactly(theirs);
            assertThat(partner.getItem(b -> b.tableName("mine").key(Map.of("pk", s("mine"))))
                            .hasItem())
                    .isTrue();

            for (int i = 0; i < 299; i++) { // the partner's table's burst, spent too
                int n = i;
                partner.putItem(b -> b.tableName("mine").item(Map.of("pk", s("k" + n))));
            }
            assertThatThrownBy(() -> partner.batchWriteItem(
                            b -> b.requestItems(Map.of(arn, List.of(theirs), "mine", List.of(mine)))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
        }
    }

    private static String oneWcuTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH")))
                .tableDescription()
                .tableArn();
    }

    @Test
    void aStreamPolicyGrantingTheCallersAccountLetsItReadTheStream() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient owner = engine.dynamoDbClient();
            DynamoDbStreamsClient partner = engine.clients(PARTNER, "us-east-1").streams();
            DynamoDbStreamsClient stranger =
                    engine.clients("222222222222", "us-east-1").streams();
            TableDescription table = createTable(owner, "music");
            String streamArn = table.latestStreamArn();
            owner.putItem(b -> b.tableName("music").item(Map.of("pk", s("a"))));
            assertDenied(
                    () -> partner.describeStream(b -> b.streamArn(streamArn)),
                    "User: arn:aws:iam::" + PARTNER
                            + ":root is not authorized to perform: dynamodb:DescribeStream on resource: " + streamArn
                            + " because no resource-based policy allows the dynamodb:DescribeStream action");
            owner.putResourcePolicy(b -> b.resourceArn(streamArn).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                      "Action":["dynamodb:DescribeStream","dynamodb:GetShardIterator","dynamodb:GetRecords"],
                      "Resource":"%s"}]}""".formatted(PARTNER, streamArn)));

            String shard = partner.describeStream(b -> b.streamArn(streamArn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = partner.getShardIterator(b ->
                            b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            assertThat(partner.getRecords(b -> b.shardIterator(iterator)).records())
                    .singleElement()
                    .satisfies(r -> assertThat(r.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS("a"))));
            assertDenied(() -> stranger.describeStream(b -> b.streamArn(streamArn)), "no resource-based policy");
            assertDenied(() -> stranger.getRecords(b -> b.shardIterator(iterator)), "no resource-based policy");
        }
    }

    private static void assertDenied(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }
}
