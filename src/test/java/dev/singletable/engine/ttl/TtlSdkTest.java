package dev.singletable.engine.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** TTL through the SDK: UpdateTimeToLive, the sweep, and the service-identity REMOVE record on the stream. */
class TtlSdkTest {

    @Test
    void expiredItemsAreDeletedAndTheStreamNamesTheService() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient dynamo = engine.dynamoDbClient();
            String streamArn = dynamo.createTable(b -> b.tableName("sessions")
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)))
                    .tableDescription()
                    .latestStreamArn();
            dynamo.updateTimeToLive(b -> b.tableName("sessions")
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            long now = Instant.now().getEpochSecond();
            dynamo.putItem(b -> b.tableName("sessions")
                    .item(Map.of(
                            "id",
                            AttributeValue.fromS("old"),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(now - 60)))));
            dynamo.putItem(b -> b.tableName("sessions")
                    .item(Map.of(
                            "id",
                            AttributeValue.fromS("live"),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(now + 3600)))));
            dynamo.putItem(b -> b.tableName("sessions")
                    .item(Map.of(
                            "id",
                            AttributeValue.fromS("text"),
                            "expiresAt",
                            AttributeValue.fromS(Long.toString(now - 60)))));

            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(dynamo.getItem(b -> b.tableName("sessions").key(Map.of("id", AttributeValue.fromS("old"))))
                            .hasItem())
                    .isFalse();
            assertThat(dynamo.scan(b -> b.tableName("sessions")).count()).isEqualTo(2);

            DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
            String shard = streams.describeStream(b -> b.streamArn(streamArn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String it = streams.getShardIterator(b ->
                            b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            Record remove = streams.getRecords(b -> b.shardIterator(it)).records().stream()
                    .filter(r -> r.eventName() == OperationType.REMOVE)
                    .findFirst()
                    .orElseThrow();
            assertThat(remove.dynamodb().keys()).isEqualTo(Map.of("id", AttributeValue.fromS("old")));
            assertThat(remove.dynamodb().oldImage()).containsKey("expiresAt");
            assertThat(remove.userIdentity().type()).isEqualTo("Service");
            assertThat(remove.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        }
    }
}
