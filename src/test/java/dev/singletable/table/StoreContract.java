package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.resilience.GuardedStore;
import dev.singletable.resilience.RetryableStoreErrors;
import dev.singletable.resilience.StoreCallMetrics;
import dev.singletable.resilience.StoreOutageErrors;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What the service's table plumbing needs from a store, checked against each store it may run on: the bundled engine
 * always ({@code EngineStoreContractTest}), LocalStack where Docker is present ({@code LocalStackStoreContractTest}).
 * The store is reached through the same {@link GuardedStore} seam as in the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    static final String TABLE = "singletable";

    DynamoDbClient dynamo;
    SingleTable table;

    /** A client of a store on which the service's table has been created with {@link TableBootstrap}. */
    abstract DynamoDbClient storeWithTable();

    @BeforeAll
    void guardTheStore() {
        Retry retry = Retry.of(
                "store",
                RetryConfig.custom()
                        .maxAttempts(4)
                        .waitDuration(Duration.ofMillis(20))
                        .retryOnException(new RetryableStoreErrors())
                        .build());
        CircuitBreaker breaker = CircuitBreaker.of(
                "store",
                CircuitBreakerConfig.custom()
                        .recordException(new StoreOutageErrors())
                        .build());
        dynamo = GuardedStore.guard(storeWithTable(), retry, breaker, new StoreCallMetrics(new SimpleMeterRegistry()));
        table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo, new TableProperties(TABLE));
    }

    static void bootstrap(DynamoDbClient client) {
        new TableBootstrap(client, TABLE, TableLayoutLoader.load()).ensureTable();
    }

    @Test
    void theBootstrapBuildsTheLayoutOfTheJsonFile() {
        TableDescription described =
                dynamo.describeTable(r -> r.tableName(TABLE)).table();

        assertThat(described.keySchema()).extracting(k -> k.attributeName()).containsExactly("PK", "SK");
        assertThat(described.globalSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactlyInAnyOrder("GSI1", SingleTable.ORDERS_BY_STATUS, "GSI3");
        assertThat(described.globalSecondaryIndexes())
                .allSatisfy(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
        assertThat(described.globalSecondaryIndexes())
                .filteredOn(i -> i.indexName().equals("GSI3"))
                .singleElement()
                .satisfies(i -> assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY));
        assertThat(described.localSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactly("LSI1");
        assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(dynamo.describeTimeToLive(r -> r.tableName(TABLE))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo(SingleTable.TTL);
    }

    @Test
    void theBootstrapIsIdempotent() {
        bootstrap(dynamo);
        assertThat(dynamo.describeTable(r -> r.tableName(TABLE)).table().tableName())
                .isEqualTo(TABLE);
    }

    @Test
    void aUniqueValueIsClaimedOnceAndTheClashIsNamed() {
        UniqueValues unique = new UniqueValues(table);
        String email = "contract-" + UUID.randomUUID() + "@example.com";
        new LabelledTransaction()
                .put("email", unique.table(), unique.claim("EMAIL", email, "first"))
                .commit(table.dynamo());

        assertThatThrownBy(() -> new LabelledTransaction()
                        .put("username", unique.table(), unique.claim("USERNAME", "u-" + UUID.randomUUID(), "second"))
                        .put("email", unique.table(), unique.claim("EMAIL", email, "second"))
                        .commit(table.dynamo()))
                .isInstanceOfSatisfying(ConditionsFailedException.class, e -> assertThat(e.labels())
                        .containsExactly("email"));
        assertThat(unique.ownerOf("EMAIL", email)).contains("first");
    }

    @Test
    void aReleaseOnlyWorksForTheOwner() {
        UniqueValues unique = new UniqueValues(table);
        String name = "n-" + UUID.randomUUID();
        new LabelledTransaction()
                .put("name", unique.table(), unique.claim("NAME", name, "owner"))
                .commit(table.dynamo());

        assertThatThrownBy(() -> new LabelledTransaction()
                        .delete("name", unique.table(), unique.release("NAME", name, "intruder"))
                        .commit(table.dynamo()))
                .isInstanceOf(ConditionsFailedException.class);
        new LabelledTransaction()
                .delete("name", unique.table(), unique.release("NAME", name, "owner"))
                .commit(table.dynamo());
        assertThat(unique.ownerOf("NAME", name)).isEmpty();
    }

    @Test
    void pagesOfAGlobalIndexQueryMeetWithoutGapsOrRepeats() {
        String partition = "CONTRACT#" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String sk = "ITEM#" + i;
            written.add(sk);
            dynamo.putItem(r -> r.tableName(TABLE)
                    .item(Map.of(
                            SingleTable.PK,
                            AttributeValue.fromS(sk + "#" + partition),
                            SingleTable.SK,
                            AttributeValue.fromS("A"),
                            SingleTable.GSI1PK,
                            AttributeValue.fromS(partition),
                            SingleTable.GSI1SK,
                            AttributeValue.fromS(sk))));
        }
        QueryPager pager = new QueryPager(table);
        QueryRequest query = QueryRequest.builder()
                .tableName(TABLE)
                .indexName(SingleTable.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", SingleTable.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .build();

        List<String> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        do {
            Slice<String> page = pager.page(
                    query, 3, next, item -> item.get(SingleTable.GSI1SK).s());
            read.addAll(page.items());
            sizes.add(page.items().size());
            next = page.nextKey();
        } while (next != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void batchDeletesRemoveMoreThanOneBatch() {
        UniqueValues unique = new UniqueValues(table);
        String run = UUID.randomUUID().toString();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UniqueValueItem marker = UniqueValueItem.of("BULK", run + "-" + i, "owner");
            unique.table().putItem(marker);
            keys.add(UniqueValueItem.key("BULK", run + "-" + i));
        }

        BatchWrites.write(
                table.dynamo(),
                table.name(),
                keys.stream()
                        .map(key -> BatchWrites.delete(SingleTable.keyMap(key)))
                        .toList());

        assertThat(unique.ownerOf("BULK", run + "-0")).isEmpty();
        assertThat(unique.ownerOf("BULK", run + "-29")).isEmpty();
    }
}
