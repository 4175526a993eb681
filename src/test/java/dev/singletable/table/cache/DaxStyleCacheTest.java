package dev.singletable.table.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.support.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * DAX's documented behaviours, each shown on the bundled engine through {@link DaxStyleCache} (the pitfalls
 * docs/caching.md links to). Time is a Caffeine {@code Ticker} the tests move: no sleeps.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaxStyleCacheTest {

    static final String TABLE = "dax-style-cache-test";
    static final Duration ITEM_TTL = Duration.ofMinutes(5);
    static final Duration QUERY_TTL = Duration.ofMinutes(2);

    TestStores.Store store;
    final AtomicLong nanos = new AtomicLong();
    DaxStyleCache cache;
    DynamoDbClient cached;
    int partition;

    @BeforeAll
    void openStore() {
        store = TestStores.withTable(TABLE);
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    @BeforeEach
    void freshCache() {
        cache = DaxStyleCache.over(
                store.dynamo(), new CacheSettings(ITEM_TTL, 1L << 20, QUERY_TTL, 1L << 20), nanos::get);
        cached = cache.client();
        partition++;
    }

    String pk() {
        return "P#" + partition;
    }

    static Map<String, AttributeValue> item(String pk, String sk, int version) {
        return Map.of(
                "PK",
                AttributeValue.fromS(pk),
                "SK",
                AttributeValue.fromS(sk),
                "v",
                AttributeValue.fromN(Integer.toString(version)));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    /** The version an eventually consistent GetItem through {@code client} sees; 0 for no item. */
    int versionVia(DynamoDbClient client, String sk) {
        var response = client.getItem(r -> r.tableName(TABLE).key(key(pk(), sk)));
        return response.hasItem() && !response.item().isEmpty()
                ? Integer.parseInt(response.item().get("v").n())
                : 0;
    }

    int consistentVersion(String sk) {
        var response = cached.getItem(r -> r.tableName(TABLE).key(key(pk(), sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Integer.parseInt(response.item().get("v").n())
                : 0;
    }

    void later(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    QueryRequest partitionQuery() {
        return QueryRequest.builder()
                .tableName(TABLE)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk())))
                .build();
    }

    @Test
    void aReadAfterAWriteThroughTheCacheSeesTheWrite() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        assertThat(versionVia(cached, "A")).isEqualTo(1);
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 2)));
        assertThat(versionVia(cached, "A")).isEqualTo(2);
        // an UpdateItem: with ALL_NEW the cache takes the new item; without, it drops the old one
        cached.updateItem(r -> r.tableName(TABLE)
                .key(key(pk(), "A"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("3")))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(versionVia(cached, "A")).isEqualTo(3);
        cached.updateItem(r -> r.tableName(TABLE)
                .key(key(pk(), "A"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("4"))));
        assertThat(versionVia(cached, "A")).isEqualTo(4);
        cached.deleteItem(r -> r.tableName(TABLE).key(key(pk(), "A")));
        assertThat(versionVia(cached, "A")).isZero();
        // the puts and the ALL_NEW update were cached as written; the other update and the delete evicted
        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).hitCount()).isEqualTo(3);
    }

    @Test
    void aQueryAfterAWriteReturnsTheStaleResultUntilTheQueryTtlEnds() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        assertThat(cached.query(partitionQuery()).items()).hasSize(1);

        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 1))); // through the cache, and still:
        later(QUERY_TTL.minusSeconds(1));
        assertThat(cached.query(partitionQuery()).items())
                .as("writes do not invalidate the query cache")
                .hasSize(1);
        assertThat(versionVia(cached, "B"))
                .as("while the item cache has the write")
                .isEqualTo(1);

        later(Duration.ofSeconds(2));
        assertThat(cached.query(partitionQuery()).items()).hasSize(2);
        // the paginator builds its requests through the same client, and a strongly consistent Query is never cached
        assertThat(cached.queryPaginator(partitionQuery()).items()).hasSize(2);
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "C", 1)));
        assertThat(cached.query(partitionQuery().toBuilder()
                                .consistentRead(true)
                                .build())
                        .items())
                .hasSize(3);
        assertThat(cache.passThroughs(DaxStyleCache.Kind.QUERY)).isEqualTo(1);
    }

    @Test
    void aWriteThatBypassesTheCacheLeavesTheItemStaleUntilTheItemTtlEnds() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 2))); // another client, a projector...

        assertThat(versionVia(cached, "A")).isEqualTo(1);
        later(ITEM_TTL.minusSeconds(1));
        assertThat(versionVia(cached, "A")).isEqualTo(1);
        later(Duration.ofSeconds(2));
        assertThat(versionVia(cached, "A")).isEqualTo(2);
    }

    @Test
    void aStronglyConsistentReadPassesTheCacheByAndDoesNotFillIt() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 2)));

        assertThat(consistentVersion("A")).isEqualTo(2);
        assertThat(versionVia(cached, "A"))
                .as("the cache still has what it had")
                .isEqualTo(1);

        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 1)));
        assertThat(consistentVersion("B")).isEqualTo(1);
        long misses = cache.stats(DaxStyleCache.Kind.ITEM).missCount();
        assertThat(versionVia(cached, "B")).isEqualTo(1);
        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).missCount())
                .as("B was not cached by the consistent read")
                .isEqualTo(misses + 1);
        assertThat(cache.passThroughs(DaxStyleCache.Kind.ITEM)).isEqualTo(2);

        // TransactGetItems passes through as well
        var read = cached.transactGetItems(r -> r.transactItems(TransactGetItem.builder()
                .get(Get.builder().tableName(TABLE).key(key(pk(), "A")).build())
                .build()));
        assertThat(read.responses().get(0).item().get("v").n()).isEqualTo("2");
        assertThat(cache.passThroughs(DaxStyleCache.Kind.ITEM)).isEqualTo(3);
    }

    @Test
    void aMissingItemIsCachedAsMissingUntilItsTtlEndsOrAWriteThroughTheCache() {
        assertThat(versionVia(cached, "A")).isZero();
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        assertThat(versionVia(cached, "A")).as("the negative entry answers").isZero();
        later(ITEM_TTL.plusSeconds(1));
        assertThat(versionVia(cached, "A")).isEqualTo(1);

        assertThat(versionVia(cached, "B")).isZero();
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 1)));
        assertThat(versionVia(cached, "B"))
                .as("a write through the cache replaces it")
                .isEqualTo(1);

        // an empty Query result is cached too
        QueryRequest empty = partitionQuery().toBuilder()
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk() + "#none")))
                .build();
        assertThat(cached.query(empty).items()).isEmpty();
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk() + "#none", "A", 1)));
        assertThat(cached.query(empty).items()).isEmpty();
        later(QUERY_TTL.plusSeconds(1));
        assertThat(cached.query(empty).items()).hasSize(1);
    }

    @Test
    void aFailedConditionalWriteChangesNothing() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        assertThatThrownBy(() -> cached.putItem(r ->
                        r.tableName(TABLE).item(item(pk(), "A", 2)).conditionExpression("attribute_not_exists(PK)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> cached.updateItem(r -> r.tableName(TABLE)
                        .key(key(pk(), "A"))
                        .updateExpression("SET v = :v")
                        .conditionExpression("v = :old")
                        .expressionAttributeValues(
                                Map.of(":v", AttributeValue.fromN("3"), ":old", AttributeValue.fromN("9")))
                        .returnValues(ReturnValue.ALL_NEW)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        long hits = cache.stats(DaxStyleCache.Kind.ITEM).hitCount();
        assertThat(versionVia(cached, "A")).isEqualTo(1);
        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).hitCount()).isEqualTo(hits + 1);
        assertThat(consistentVersion("A")).isEqualTo(1);
    }

    @Test
    void batchGetItemReadsEachKeyAsItsOwnGetItem() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1))); // cached by the write
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 1))); // not cached yet
        var keys = KeysAndAttributes.builder()
                .keys(key(pk(), "A"), key(pk(), "B"), key(pk(), "C"))
                .build();

        var first = cached.batchGetItem(r -> r.requestItems(Map.of(TABLE, keys)));
        assertThat(first.responses().get(TABLE)).hasSize(2);
        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).hitCount()).isEqualTo(1);

        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 2)));
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item(pk(), "C", 1)));
        var second = cached.batchGetItem(r -> r.requestItems(Map.of(TABLE, keys)));
        assertThat(second.responses().get(TABLE))
                .as("B as first read, C still absent (negative entry)")
                .extracting(i -> i.get("SK").s() + i.get("v").n())
                .containsExactlyInAnyOrder("A1", "B1");
        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).hitCount()).isEqualTo(4);

        var consistent = cached.batchGetItem(r -> r.requestItems(
                Map.of(TABLE, keys.toBuilder().consistentRead(true).build())));
        assertThat(consistent.responses().get(TABLE))
                .extracting(i -> i.get("SK").s() + i.get("v").n())
                .containsExactlyInAnyOrder("A1", "B2", "C1");
        assertThat(cache.passThroughs(DaxStyleCache.Kind.ITEM)).isEqualTo(3);
    }

    @Test
    void aTransactionThroughTheCacheEvictsTheItemsItWrites() {
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "A", 1)));
        cached.putItem(r -> r.tableName(TABLE).item(item(pk(), "B", 1)));
        assertThat(versionVia(cached, "C")).isZero();
        cached.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(TABLE)
                                .key(key(pk(), "A"))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("2")))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(TABLE)
                                .key(key(pk(), "B"))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(TABLE)
                                .item(item(pk(), "C", 1))
                                .build())
                        .build()));
        assertThat(List.of(versionVia(cached, "A"), versionVia(cached, "B"), versionVia(cached, "C")))
                .containsExactly(2, 0, 1);
    }

    @Test
    void theCachesAreBoundedByWeightAndMetered() {
        cache = DaxStyleCache.over(store.dynamo(), new CacheSettings(ITEM_TTL, 2_000, QUERY_TTL, 2_000), nanos::get);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);
        cache.client().putItem(r -> r.tableName(TABLE).item(item(pk(), "K", 0)));
        cache.client().getItem(r -> r.tableName(TABLE).key(key(pk(), "K")));
        cache.client().getItem(r -> r.tableName(TABLE).key(key(pk(), "missing")));
        cache.client().getItem(r -> r.tableName(TABLE).key(key(pk(), "K")).consistentRead(true));
        for (int i = 0; i < 40; i++) { // some 200 bytes each against a bound of 2 000
            int n = i;
            cache.client().putItem(r -> r.tableName(TABLE).item(item(pk(), "K" + n, n)));
        }

        assertThat(cache.stats(DaxStyleCache.Kind.ITEM).evictionCount()).isGreaterThan(10);
        assertThat(registry.get("cache.evictions")
                        .tag("cache", "dax.item")
                        .functionCounter()
                        .count())
                .isGreaterThan(10);
        assertThat(registry.get("cache.gets")
                        .tags("cache", "dax.item", "result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("cache.gets")
                        .tags("cache", "dax.item", "result", "miss")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("singletable.cache.pass.throughs")
                        .tag("cache", "dax.item")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("singletable.cache.pass.throughs")
                        .tag("cache", "dax.query")
                        .functionCounter()
                        .count())
                .isZero();
    }
}
