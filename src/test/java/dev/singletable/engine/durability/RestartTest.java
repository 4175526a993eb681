package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A durable engine restarted, cleanly or after a crash, answers exactly as before: items, secondary indexes (one
 * with a multi-attribute key), table
 * settings (stream, TTL, tags, recovery, resource policies), and the stream's records.
 */
class RestartTest {

    @TempDir
    Path dir;

    /** Everything a client can observe that must survive a restart. */
    private static Map<String, Object> observe(EmbeddedEngine engine) {
        DynamoDbClient dynamo = engine.dynamoDbClient();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("tables", dynamo.listTables().tableNames());
        var table = dynamo.describeTable(b -> b.tableName("posts")).table();
        seen.put("describe", table);
        seen.put("items", dynamo.scan(b -> b.tableName("posts")).items());
        seen.put(
                "gsi",
                dynamo.scan(b -> b.tableName("posts").indexName("byAuthor")).items());
        seen.put(
                "multiAttributeGsi",
                dynamo.query(b -> b.tableName("posts")
                                .indexName("byAuthorBlog")
                                .keyConditionExpression("author = :a AND pk = :p AND score > :s")
                                .expressionAttributeValues(Map.of(
                                        ":a",
                                        AttributeValue.fromS("author1"),
                                        ":p",
                                        AttributeValue.fromS("blog#0"),
                                        ":s",
                                        AttributeValue.fromN("2"))))
                        .items());
        seen.put(
                "lsi",
                dynamo.query(b -> b.tableName("posts")
                                .indexName("byScore")
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("blog#1"))))
                        .items());
        seen.put("ttl", dynamo.describeTimeToLive(b -> b.tableName("posts")).timeToLiveDescription());
        seen.put(
                "tags",
                dynamo.listTagsOfResource(b -> b.resourceArn(table.tableArn())).tags());
        seen.put("tablePolicy", dynamo.getResourcePolicy(b -> b.resourceArn(table.tableArn())));
        seen.put("streamPolicy", dynamo.getResourcePolicy(b -> b.resourceArn(table.latestStreamArn())));
        seen.put(
                "pitr",
                dynamo.describeContinuousBackups(b -> b.tableName("posts"))
                        .continuousBackupsDescription()
                        .pointInTimeRecoveryDescription()
                        .pointInTimeRecoveryStatus());
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        seen.put("streams", streams.listStreams().streams());
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(table.latestStreamArn()))
                .streamDescription()
                .shards()) {
            String it = streams.getShardIterator(b -> b.streamArn(table.latestStreamArn())
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            records.addAll(streams.getRecords(b -> b.shardIterator(it)).records());
        }
        seen.put("records", records);
        return seen;
    }

    private static void populate(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("posts")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("author").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("score").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        g -> g.indexName("byAuthor")
                                .keySchema(k -> k.attributeName("author").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)),
                        // a multi-attribute key: two HASH and two RANGE attributes
                        g -> g.indexName("byAuthorBlog")
                                .keySchema(
                                        k -> k.attributeName("author").keyType(KeyType.HASH),
                                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("score").keyType(KeyType.RANGE),
                                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("byScore")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("score")
                                .keyType(KeyType.RANGE))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title")))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .tags(t -> t.key("team").value("blog")));
        dynamo.updateTimeToLive(b -> b.tableName("posts")
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        dynamo.updateContinuousBackups(
                b -> b.tableName("posts").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        var described = dynamo.describeTable(b -> b.tableName("posts")).table();
        dynamo.putResourcePolicy(b -> b.resourceArn(described.tableArn())
                .policy("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + described.tableArn() + "\"}]}"));
        dynamo.putResourcePolicy(b -> b.resourceArn(described.latestStreamArn())
                .policy("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                        + "\"Action\":[\"dynamodb:GetRecords\",\"dynamodb:DescribeStream\"],\"Resource\":\""
                        + described.latestStreamArn() + "\"}]}"));
        for (int i = 0; i < 40; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS("blog#" + (i % 3)));
            item.put("sk", AttributeValue.fromS("post#" + i));
            item.put("title", AttributeValue.fromS("Post " + i));
            if (i % 4 != 0) {
                item.put("author", AttributeValue.fromS("author" + (i % 5)));
            }
            item.put("score", AttributeValue.fromN(Integer.toString(i * 7 % 11)));
            dynamo.putItem(b -> b.tableName("posts").item(item));
        }
        dynamo.updateItem(b -> b.tableName("posts")
                .key(Map.of("pk", AttributeValue.fromS("blog#1"), "sk", AttributeValue.fromS("post#1")))
                .updateExpression("SET title = :t REMOVE author")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("Edited"))));
        dynamo.deleteItem(b -> b.tableName("posts")
                .key(Map.of("pk", AttributeValue.fromS("blog#2"), "sk", AttributeValue.fromS("post#2"))));
        dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("posts")
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS("blog#9"),
                                "sk",
                                AttributeValue.fromS("tx"),
                                "author",
                                AttributeValue.fromS("tx")))),
                t -> t.update(u -> u.tableName("posts")
                        .key(Map.of("pk", AttributeValue.fromS("blog#0"), "sk", AttributeValue.fromS("post#0")))
                        .updateExpression("ADD score :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
    }

    @Test
    void aCleanRestartAndACrashRestartAnswerAsBefore() throws IOException {
        Path data = dir.resolve("data");
        Map<String, Object> before;
        Path crashed = dir.resolve("crashed");
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            populate(engine.dynamoDbClient());
            before = observe(engine);
            Files.createDirectories(crashed);
            try (Stream<Path> files = Files.list(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, crashed.resolve(f.getFileName()));
                }
            }
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            assertThat(observe(engine)).isEqualTo(before);
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(crashed))) {
            assertThat(observe(engine)).isEqualTo(before);
        }
    }
}
