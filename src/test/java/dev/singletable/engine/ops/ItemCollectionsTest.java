package dev.singletable.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.storage.TableData;
import dev.singletable.engine.table.TableRequests;
import dev.singletable.engine.value.AttributeValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Item collections of tables with local indexes: sizes kept on every write, metrics when asked, the size limit. */
class ItemCollectionsTest {

    private final DynamoDbClient dynamo = EmbeddedEngine.inMemory().dynamoDbClient();

    private void createTable(String name, boolean withLsi) {
        dynamo.createTable(b -> {
            b.tableName(name)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("l").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                            .keyType(KeyType.RANGE));
            if (withLsi) {
                b.localSecondaryIndexes(i -> i.indexName("byL")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("l")
                                .keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)));
            } else {
                b.attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N));
            }
        });
    }

    private static Map<String, AttributeValue> item(String pk, int sk, String l) {
        return Map.of(
                "pk",
                AttributeValue.fromS(pk),
                "sk",
                AttributeValue.fromN(Integer.toString(sk)),
                "l",
                AttributeValue.fromS(l));
    }

    @Test
    void writesToTablesWithLocalIndexesReportTheirCollection() {
        createTable("withLsi", true);
        ItemCollectionMetrics expected = ItemCollectionMetrics.builder()
                .itemCollectionKey(Map.of("pk", AttributeValue.fromS("a")))
                .sizeEstimateRangeGB(0.0, 1.0)
                .build();
        assertThat(dynamo.putItem(r ->
                                r.tableName("withLsi").item(item("a", 1, "x")).returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics())
                .isEqualTo(expected);
        assertThat(dynamo.updateItem(r -> r.tableName("withLsi")
                                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))
                                .returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics())
                .isEqualTo(expected);
        assertThat(dynamo.putItem(r -> r.tableName("withLsi").item(item("a", 2, "y")))
                        .itemCollectionMetrics())
                .isNull();
        assertThat(dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                                        "withLsi",
                                        List.of(
                                                WriteRequest.builder()
                                                        .putRequest(PutRequest.builder()
                                                                .item(item("a", 3, "z"))
                                                                .build())
                                                        .build(),
                                                WriteRequest.builder()
                                                        .putRequest(PutRequest.builder()
                                                                .item(item("a", 4, "z"))
                                                                .build())
                                                        .build(),
                                                WriteRequest.builder()
                                                        .putRequest(PutRequest.builder()
                                                                .item(item("b", 1, "z"))
                                                                .build())
                                                        .build())))
                                .returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics()
                        .get("withLsi"))
                .extracting(m -> m.itemCollectionKey().get("pk").s())
                .containsExactly("a", "b");
        assertThat(dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                                        .delete(d -> d.tableName("withLsi")
                                                .key(Map.of(
                                                        "pk",
                                                        AttributeValue.fromS("b"),
                                                        "sk",
                                                        AttributeValue.fromN("1"))))
                                        .build())
                                .returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics()
                        .get("withLsi"))
                .hasSize(1);
        assertThat(dynamo.deleteItem(r -> r.tableName("withLsi")
                                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("9")))
                                .returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics())
                .isEqualTo(expected);
    }

    @Test
    void tablesWithoutLocalIndexesReportNothing() {
        createTable("noLsi", false);
        assertThat(dynamo.putItem(r -> r.tableName("noLsi")
                                .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                                .returnItemCollectionMetrics("SIZE"))
                        .itemCollectionMetrics())
                .isNull();
    }

    /** A local index projecting nothing but keys: entries of the partition's items with an "l" attribute. */
    private static IndexData localIndex() {
        return new IndexData(
                "byL",
                new IndexData.Shape() {
                    @Override
                    public List<String> hashNames() {
                        return List.of("pk");
                    }

                    @Override
                    public List<ScalarAttributeType> hashTypes() {
                        return List.of(ScalarAttributeType.S);
                    }

                    @Override
                    public List<String> rangeNames() {
                        return List.of("l");
                    }

                    @Override
                    public List<ScalarAttributeType> rangeTypes() {
                        return List.of(ScalarAttributeType.S);
                    }

                    @Override
                    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
                        return Map.of("pk", item.get("pk"), "sk", item.get("sk"), "l", item.get("l"));
                    }

                    @Override
                    public boolean local() {
                        return true;
                    }
                },
                AttributeValues::itemSize);
    }

    private static StoredItem stored(Map<String, AttributeValue> attributes) {
        return new StoredItem(attributes, AttributeValues.itemSize(attributes));
    }

    private static PrimaryKey key(String pk, int sk) {
        return PrimaryKey.of(
                KeyValue.ofString(pk), KeyValue.of(ScalarAttributeType.N, AttributeValue.fromN(Integer.toString(sk))));
    }

    @Test
    void collectionSizesFollowEveryChangeAndALoadedTable() {
        TableData data = new TableData();
        data.addIndex(localIndex());
        StoredItem first = stored(Map.of(
                "pk",
                AttributeValue.fromS("a"),
                "sk",
                AttributeValue.fromN("1"),
                "l",
                AttributeValue.fromS("x"),
                "big",
                AttributeValue.fromS("y".repeat(100))));
        StoredItem second = stored(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("2")));
        data.apply(key("a", 1), null, first);
        data.apply(key("a", 2), null, second);
        long entry = AttributeValues.itemSize(Map.of(
                "pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"), "l", AttributeValue.fromS("x")));
        KeyValue a = KeyValue.ofString("a");
        assertThat(data.collectionBytes(a)).isEqualTo(first.size() + second.size() + entry);
        data.apply(key("a", 1), first, null);
        assertThat(data.collectionBytes(a)).isEqualTo(second.size());
        assertThat(data.collectionBytes(KeyValue.ofString("other"))).isZero();

        TableData loaded = new TableData();
        loaded.addIndex(localIndex());
        loaded.loadSorted(List.of(Map.entry(key("a", 1), first), Map.entry(key("a", 2), second)));
        assertThat(loaded.collectionBytes(a)).isEqualTo(first.size() + second.size() + entry);
    }

    @Test
    void aWriteBeyondTheCollectionLimitIsRefused() {
        Engine engine = new Engine(EngineOptions.inMemory());
        Table table = engine.createTable(TableRequests.create(
                CreateTableRequest.builder()
                        .tableName("limited")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                                a -> a.attributeName("l").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                                .keyType(KeyType.RANGE))
                        .localSecondaryIndexes(i -> i.indexName("byL")
                                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("l")
                                        .keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                        .build(),
                Instant.now()));
        StoredItem first = stored(item("a", 1, "x"));
        engine.exclusive(() -> {
            engine.commit(List.of(ItemChange.of(table, key("a", 1), null, first)));
            return null;
        });
        StoredItem next = stored(item("a", 2, "y"));
        ItemCollections.checkLimit(table, key("a", 2), null, next, 1_000);
        assertThatThrownBy(() -> ItemCollections.checkLimit(table, key("a", 2), null, next, 30))
                .isInstanceOf(ItemCollectionSizeLimitExceededException.class);
        ItemCollections.checkLimit(table, key("b", 2), null, stored(item("b", 2, "y")), 30);
    }
}
