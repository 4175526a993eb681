package dev.singletable.engine.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What the global-table tests do over and over, through the SDK interfaces only. */
final class Replicas {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Replicas() {}

    static TableDescription createTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                                .attributeType("N"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                                .keyType("RANGE"))
                        .billingMode("PAY_PER_REQUEST")
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();
    }

    static void addReplica(DynamoDbClient client, String table, String region) {
        client.updateTable(b -> b.tableName(table).replicaUpdates(u -> u.create(c -> c.regionName(region))));
        awaitReplica(client, table, region, ReplicaStatus.ACTIVE);
    }

    static void awaitReplica(DynamoDbClient client, String table, String region, ReplicaStatus status) {
        await(
                "replica " + region + " " + status,
                () -> client.describeTable(b -> b.tableName(table)).table().replicas().stream()
                        .anyMatch(r -> r.regionName().equals(region) && r.replicaStatus() == status));
    }

    static List<String> replicaRegions(DynamoDbClient client, String table) {
        return client.describeTable(b -> b.tableName(table)).table().replicas().stream()
                .map(ReplicaDescription::regionName)
                .toList();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(sk));
    }

    static Map<String, AttributeValue> item(String pk, int sk, String value) {
        return Map.of("pk", s(pk), "sk", n(sk), "v", s(value));
    }

    static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk, int sk) {
        var response = client.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static void awaitItem(DynamoDbClient client, String table, String pk, int sk, String value) {
        await(pk + "/" + sk + " = " + value + " in " + client, () -> {
            Map<String, AttributeValue> item = get(client, table, pk, sk);
            return value == null
                    ? item == null
                    : item != null && value.equals(item.get("v").s());
        });
    }

    /** Every item of a table, sorted by key, for comparing regions. */
    static List<Map<String, AttributeValue>> contents(DynamoDbClient client, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        items.sort(Comparator.comparing(
                        (Map<String, AttributeValue> i) -> i.get("pk").s())
                .thenComparing(i -> Long.parseLong(i.get("sk").n())));
        return items;
    }

    /** Every record of a table's stream, from the start. */
    static List<Record> streamRecords(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()) {
            String iterator = streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String from = iterator;
                var page = streams.getRecords(b -> b.shardIterator(from));
                records.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        assertThat(records).isNotNull();
        return records;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
