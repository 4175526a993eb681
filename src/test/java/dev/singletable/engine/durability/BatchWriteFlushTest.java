package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A BatchWriteItem on a durable engine (issue 21): each entry is a log record of its own (a batch is not atomic), but
 * the call waits for the disk once, after its last entry, not once per entry (25 flushes in a row for a full batch,
 * one after the other). What it wrote is durable and visible when it returns, and survives a restart.
 */
class BatchWriteFlushTest {

    @TempDir
    Path dir;

    @Test
    void aBatchIsFlushedOnceAndEveryEntryIsARecordOfItsOwn() {
        EngineOptions options =
                EngineOptions.durable(dir).withSyncPolicy(EngineOptions.SyncPolicy.GROUP, Duration.ZERO);
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient dynamo = engine.dynamoDbClient();
            dynamo.createTable(r -> r.tableName("feeds")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("PK").attributeType("S"))
                    .keySchema(k -> k.attributeName("PK").keyType("HASH")));
            List<WriteRequest> puts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                puts.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "PK", AttributeValue.fromS("FEED#" + i), "n", AttributeValue.fromN("" + i)))
                                .build())
                        .build());
            }
            WriteAheadLog.Statistics before = Objects.requireNonNull(engine.logStatistics());
            dynamo.batchWriteItem(r -> r.requestItems(Map.of("feeds", puts)));
            WriteAheadLog.Statistics after = Objects.requireNonNull(engine.logStatistics());

            assertThat(after.recordsWritten() - before.recordsWritten()).isEqualTo(25);
            assertThat(after.forces() - before.forces()).isEqualTo(1);
            // durable and visible on return
            assertThat(dynamo.getItem(r -> r.tableName("feeds")
                                    .key(Map.of("PK", AttributeValue.fromS("FEED#24")))
                                    .consistentRead(true))
                            .item())
                    .containsEntry("n", AttributeValue.fromN("24"));
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(dir))) {
            assertThat(engine.dynamoDbClient().scan(r -> r.tableName("feeds")).count())
                    .isEqualTo(25);
        }
    }
}
