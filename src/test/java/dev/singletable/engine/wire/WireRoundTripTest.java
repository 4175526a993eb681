package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Real SDK v2 over HTTP, through the wire server, to DynamoDB Local: every shape must survive the round trip. */
class WireRoundTripTest {

    private static final String TABLE = "orders";

    private static AmazonDynamoDBLocal local;
    private static WireServer server;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streamsClient;

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create(true);
        server = WireServer.start(WireServerOptions.defaults(), local.dynamoDbClient(), local.dynamoDbStreamsClient());
        client = WireTestClients.dynamo(server.endpoint());
        streamsClient = WireTestClients.streams(server.endpoint());
        CreateTableResponse created = client.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
                        attribute("status", ScalarAttributeType.S), attribute("amount", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-status")
                        .keySchema(key("status", KeyType.HASH), key("amount", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .provisionedThroughput(throughput())
                        .build())
                .provisionedThroughput(throughput())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build()));
        assertThat(created.tableDescription().tableName()).isEqualTo(TABLE);
        assertThat(created.tableDescription().creationDateTime()).isNotNull();
    }

    @AfterAll
    static void stop() {
        client.close();
        streamsClient.close();
        server.close();
        local.shutdown();
    }

    @Test
    void describeTableCarriesTimestampsIndexesAndEnums() {
        DescribeTableResponse described = client.describeTable(b -> b.tableName(TABLE));
        assertThat(described.table().globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-status"));
        assertThat(described.table().keySchema())
                .extracting(KeySchemaElement::keyType)
                .containsExactly(KeyType.HASH, KeyType.RANGE);
        // the same instant as the backend reports (DynamoDB Local's own value is odd, but must survive unchanged)
        assertThat(described.table().creationDateTime())
                .isEqualTo(local.dynamoDbClient()
                        .describeTable(b -> b.tableName(TABLE))
                        .table()
                        .creationDateTime());
        assertThat(described.table().latestStreamArn()).isNotBlank();
    }

    @Test
    void itemsOfEveryAttributeTypeRoundTrip() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("pk", s("types")),
                Map.entry("sk", s("1")),
                Map.entry("n", AttributeValue.fromN("123.45")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255}))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))),
                Map.entry("bool", AttributeValue.fromBool(false)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("emptyList", AttributeValue.fromL(List.of())),
                Map.entry("emptyMap", AttributeValue.fromM(Map.of())),
                Map.entry(
                        "nested",
                        AttributeValue.fromM(Map.of(
                                "l",
                                AttributeValue.fromL(List.of(
                                        s("deep"), AttributeValue.fromM(Map.of("x", AttributeValue.fromN("-1")))))))),
                Map.entry("unicode", s("żółw 🐢")));
        client.putItem(b -> b.tableName(TABLE).item(item));

        GetItemResponse got =
                client.getItem(b -> b.tableName(TABLE).key(key("types", "1")).consistentRead(true));
        assertThat(got.item()).isEqualTo(item);
        assertThat(got.item())
                .isEqualTo(local.dynamoDbClient()
                        .getItem(b -> b.tableName(TABLE).key(key("types", "1")).consistentRead(true))
                        .item());
        assertThat(got.item().get("emptyList").hasL()).isTrue();
        assertThat(got.item().get("emptyMap").hasM()).isTrue();
    }

    @Test
    void queryScanAndIndexQuery() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(b -> b.tableName(TABLE)
                    .item(Map.of(
                            "pk",
                            s("q"),
                            "sk",
                            s("item#" + n),
                            "status",
                            s(n % 2 == 0 ? "OPEN" : "DONE"),
                            "amount",
                            AttributeValue.fromN(Integer.toString(n)))));
        }
        QueryResponse query = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("q"), ":prefix", s("item#")))
                .scanIndexForward(false)
                .limit(3));
        assertThat(query.items()).extracting(i -> i.get("sk").s()).containsExactly("item#4", "item#3", "item#2");
        assertThat(query.lastEvaluatedKey()).containsKeys("pk", "sk");

        QueryResponse byStatus = client.query(b -> b.tableName(TABLE)
                .indexName("by-status")
                .keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"))));
        assertThat(byStatus.items()).extracting(i -> i.get("amount").n()).containsExactly("0", "2", "4");

        ScanResponse scan = client.scan(b -> b.tableName(TABLE)
                .filterExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("q")))
                .select("COUNT"));
        assertThat(scan.count()).isEqualTo(5);
        assertThat(scan.items()).isEmpty();
        assertThat(scan.hasItems()).isFalse();
    }

    @Test
    void conditionalUpdateReturnsNewValuesAndFailureCarriesOldItem() {
        client.putItem(
                b -> b.tableName(TABLE).item(Map.of("pk", s("u"), "sk", s("1"), "count", AttributeValue.fromN("1"))));
        UpdateItemResponse updated = client.updateItem(b -> b.tableName(TABLE)
                .key(key("u", "1"))
                .updateExpression("SET #c = #c + :one")
                .conditionExpression("#c = :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updated.attributes()).containsEntry("count", AttributeValue.fromN("2"));

        assertThatThrownBy(() -> client.updateItem(b -> b.tableName(TABLE)
                        .key(key("u", "1"))
                        .updateExpression("SET #c = :one")
                        .conditionExpression("#c = :one")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item())
                            .isEqualTo(Map.of("pk", s("u"), "sk", s("1"), "count", AttributeValue.fromN("2")));
                });
    }

    @Test
    void batchWriteAndBatchGet() {
        BatchWriteItemResponse written = client.batchWriteItem(b -> b.requestItems(Map.of(
                TABLE,
                List.of(
                        WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(Map.of("pk", s("batch"), "sk", s("1")))
                                        .build())
                                .build(),
                        WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(Map.of("pk", s("batch"), "sk", s("2")))
                                        .build())
                                .build()))));
        assertThat(written.unprocessedItems()).isEmpty();

        BatchGetItemResponse read = client.batchGetItem(b -> b.requestItems(Map.of(
                TABLE,
                KeysAndAttributes.builder()
                        .keys(key("batch", "1"), key("batch", "2"), key("batch", "missing"))
                        .build())));
        assertThat(read.responses().get(TABLE)).hasSize(2);
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void transactionsCommitAndCancelWithReasonsAndItem() {
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(TABLE).item(Map.of("pk", s("tx"), "sk", s("1"), "v", s("old"))))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(TABLE).item(Map.of("pk", s("tx"), "sk", s("2"))))
                        .build()));
        TransactGetItemsResponse got = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName(TABLE).key(key("tx", "1"))),
                t -> t.get(g -> g.tableName(TABLE).key(key("tx", "2")))));
        assertThat(got.responses()).hasSize(2);

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(TABLE).item(Map.of("pk", s("tx"), "sk", s("3"))))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName(TABLE)
                                        .key(key("tx", "1"))
                                        .conditionExpression("v = :new")
                                        .expressionAttributeValues(Map.of(":new", s("new")))
                                        .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD))
                                .build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).contains("[None, ConditionalCheckFailed]");
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item())
                            .isEqualTo(Map.of("pk", s("tx"), "sk", s("1"), "v", s("old")));
                    assertThat(e.cancellationReasons().get(1).message()).startsWith("The conditional request failed");
                });
        assertThat(client.getItem(b -> b.tableName(TABLE).key(key("tx", "3"))).hasItem())
                .isFalse();
    }

    @Test
    void serviceErrorsKeepTheirTypeAndMessage() {
        assertThatThrownBy(
                        () -> client.getItem(b -> b.tableName("no-such-table").key(key("a", "b"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
                });
        assertThatThrownBy(() -> client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("only-hash")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
                });
    }

    @Test
    void listTables() {
        assertThat(client.listTables().tableNames()).contains(TABLE);
        assertThat(client.listTables(b -> b.limit(1)).tableNames()).hasSize(1);
    }

    @Test
    void streamsDescribeIteratorAndRecords() {
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("stream"), "sk", s("1"), "v", s("a"))));
        String streamArn = streamsClient
                .listStreams(b -> b.tableName(TABLE))
                .streams()
                .get(0)
                .streamArn();
        String shardId = streamsClient
                .describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streamsClient
                .getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        GetRecordsResponse records = streamsClient.getRecords(b -> b.shardIterator(iterator));
        assertThat(records.records()).isNotEmpty();
        Record first = records.records().get(0);
        assertThat(first.eventNameAsString()).isEqualTo("INSERT");
        assertThat(first.dynamodb().approximateCreationDateTime()).isNotNull();
        assertThat(first.dynamodb().newImage()).isNotEmpty();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static ProvisionedThroughput throughput() {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(5L)
                .writeCapacityUnits(5L)
                .build();
    }
}
