package dev.singletable.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Streams end to end through the standard SDK interfaces: writes on DynamoDbClient, reads on DynamoDbStreamsClient. */
class StreamsSdkTest {

    private final EmbeddedEngine engine = EmbeddedEngine.inMemory();
    private final DynamoDbClient dynamo = engine.dynamoDbClient();
    private final DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();

    @AfterEach
    void close() {
        engine.close();
    }

    private TableDescription createTable(String name, StreamViewType view) {
        return dynamo.createTable(b -> b.tableName(name)
                        .keySchema(k -> k.attributeName("Id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("Id").attributeType(ScalarAttributeType.N))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)))
                .tableDescription();
    }

    private List<Record> readAll(String arn) {
        List<Record> out = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()) {
            String it = streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (it != null) {
                String current = it;
                var page = streams.getRecords(b -> b.shardIterator(current));
                out.addAll(page.records());
                it = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return out;
    }

    private static Map<String, AttributeValue> id(int id) {
        return Map.of("Id", AttributeValue.fromN(Integer.toString(id)));
    }

    /** The example of the DynamoDB Streams low-level API walkthrough, with the SizeBytes AWS reports there. */
    @Test
    void theAwsWalkthroughRecordsWithTheirSizes() {
        String arn = createTable("TestTableForStreams", StreamViewType.NEW_AND_OLD_IMAGES)
                .latestStreamArn();
        dynamo.putItem(b -> b.tableName("TestTableForStreams")
                .item(Map.of("Id", AttributeValue.fromN("101"), "Message", AttributeValue.fromS("New item!"))));
        dynamo.updateItem(b -> b.tableName("TestTableForStreams")
                .key(id(101))
                .updateExpression("SET Message = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("This item has changed"))));
        dynamo.deleteItem(b -> b.tableName("TestTableForStreams").key(id(101)));

        List<Record> records = readAll(arn);
        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records).extracting(r -> r.dynamodb().sizeBytes()).containsExactly(26L, 59L, 38L);
        assertThat(records.get(1).dynamodb().oldImage().get("Message").s()).isEqualTo("New item!");
        assertThat(records.get(1).dynamodb().newImage().get("Message").s()).isEqualTo("This item has changed");
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = StreamViewType.class,
            names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void writesThatChangeNothingLeaveNoRecord(StreamViewType view) {
        String table = "t_" + view.name().toLowerCase();
        String arn = createTable(table, view).latestStreamArn();
        Map<String, AttributeValue> item = Map.of(
                "Id",
                AttributeValue.fromN("1"),
                "n",
                AttributeValue.fromN("5"),
                "tags",
                AttributeValue.fromSs(List.of("a", "b")));
        dynamo.putItem(b -> b.tableName(table).item(item));
        dynamo.putItem(b -> b.tableName(table).item(item));
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "Id",
                        AttributeValue.fromN("1"),
                        "n",
                        AttributeValue.fromN("5.0"),
                        "tags",
                        AttributeValue.fromSs(List.of("b", "a")))));
        dynamo.updateItem(b -> b.tableName(table)
                .key(id(1))
                .updateExpression("SET n = :five")
                .expressionAttributeValues(Map.of(":five", AttributeValue.fromN("5"))));
        dynamo.deleteItem(b -> b.tableName(table).key(id(2)));
        dynamo.updateItem(b -> b.tableName(table)
                .key(id(1))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(Map.of("Id", AttributeValue.fromN("3")))),
                t -> t.delete(d -> d.tableName(table).key(id(1)))));

        List<Record> records = readAll(arn);
        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(
                        OperationType.INSERT, OperationType.MODIFY, OperationType.INSERT, OperationType.REMOVE);
        assertThat(records)
                .allSatisfy(r -> assertThat(r.dynamodb().streamViewType()).isEqualTo(view));
        assertThat(records.get(2).dynamodb().keys()).isEqualTo(id(3));
    }

    @Test
    void turningTheStreamOffAndOnGivesANewStream() {
        TableDescription created = createTable("toggled", StreamViewType.KEYS_ONLY);
        String first = created.latestStreamArn();
        dynamo.putItem(b -> b.tableName("toggled").item(id(1)));
        dynamo.updateTable(b -> b.tableName("toggled").streamSpecification(s -> s.streamEnabled(false)));
        dynamo.putItem(b -> b.tableName("toggled").item(id(2)));
        TableDescription reenabled = dynamo.updateTable(b -> b.tableName("toggled")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription();
        dynamo.putItem(b -> b.tableName("toggled").item(id(3)));

        String second =
                dynamo.describeTable(b -> b.tableName("toggled")).table().latestStreamArn();
        assertThat(second).isNotEqualTo(first).isEqualTo(reenabled.latestStreamArn());
        assertThat(dynamo.describeTable(b -> b.tableName("toggled")).table().latestStreamLabel())
                .isNotEqualTo(created.latestStreamLabel());
        assertThat(streams.listStreams(b -> b.tableName("toggled")).streams())
                .extracting(s -> s.streamArn())
                .containsExactlyInAnyOrder(first, second);
        assertThat(streams.describeStream(b -> b.streamArn(first))
                        .streamDescription()
                        .streamStatus())
                .isEqualTo(StreamStatus.DISABLED);
        assertThat(readAll(first)).extracting(r -> r.dynamodb().keys()).containsExactly(id(1));
        assertThat(readAll(second)).extracting(r -> r.dynamodb().keys()).containsExactly(id(3));
    }
}
