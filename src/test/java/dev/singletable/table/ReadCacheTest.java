package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.singletable.support.TestStores;
import dev.singletable.table.cache.DaxStyleCache;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dax.Configuration;

/** How {@code singletable.cache.mode} wires the read cache into {@link SingleTable}, and how a bad setting fails. */
class ReadCacheTest {

    static final String TABLE = "read-cache-test";
    static final StorageProperties EMBEDDED = new StorageProperties(
            StorageProperties.Mode.EMBEDDED, null, "eu-west-1", "local", "local", StorageProperties.HttpClient.APACHE);

    static CacheProperties cache(CacheProperties.Mode mode, URI daxEndpoint) {
        return new CacheProperties(
                mode,
                daxEndpoint,
                Duration.ofMinutes(5),
                DataSize.ofMegabytes(1),
                Duration.ofMinutes(5),
                DataSize.ofMegabytes(1));
    }

    static ReadCache create(
            CacheProperties.Mode mode, URI daxEndpoint, DynamoDbClient store, ReadCache.DaxClients dax) {
        return ReadCache.create(
                cache(mode, daxEndpoint), EMBEDDED, store, UnaryOperator.identity(), null, Ticker.systemTicker(), dax);
    }

    static SingleTable table(DynamoDbClient store, ReadCache cache) {
        return new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(store).build(),
                store,
                new TableProperties(TABLE),
                cache);
    }

    static final ReadCache.DaxClients NO_DAX = configuration -> {
        throw new AssertionError("no DAX client in this mode");
    };

    @Test
    void modeNoneHandsOutTheStoreForEveryRead() {
        DynamoDbClient store = mock(DynamoDbClient.class);
        SingleTable table = table(store, create(CacheProperties.Mode.NONE, null, store, NO_DAX));
        assertThat(table.cachedDynamo()).isSameAs(store);
        assertThat(table.dynamo()).isSameAs(store);
    }

    @Test
    void modeLocalCachesTheCachedReadsAndSendsEveryWriteThroughTheCache() {
        try (TestStores.Store store = TestStores.withTable(TABLE)) {
            ReadCache cache = create(CacheProperties.Mode.LOCAL, null, store.dynamo(), NO_DAX);
            SingleTable table = table(store.dynamo(), cache);
            DaxStyleCache local = cache.local();
            assertThat(local).isNotNull();
            Map<String, AttributeValue> key =
                    Map.of("PK", AttributeValue.fromS("P#1"), "SK", AttributeValue.fromS("P"));

            assertThat(table.cachedDynamo()
                            .getItem(r -> r.tableName(TABLE).key(key))
                            .hasItem())
                    .isFalse();
            // a write through the ordinary client reaches the cache (write-through), replacing the negative entry
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("name", AttributeValue.fromS("mug"));
            table.dynamo().putItem(r -> r.tableName(TABLE).item(item));
            assertThat(table.cachedDynamo()
                            .getItem(r -> r.tableName(TABLE).key(key))
                            .item())
                    .isEqualTo(item);
            assertThat(local.stats(DaxStyleCache.Kind.ITEM).hitCount()).isEqualTo(1);
            // the ordinary client's reads are never cached
            table.dynamo().getItem(r -> r.tableName(TABLE).key(key));
            table.dynamo().query(r -> r.tableName(TABLE)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("P#1"))));
            assertThat(local.stats(DaxStyleCache.Kind.ITEM).requestCount()).isEqualTo(2);
            assertThat(local.stats(DaxStyleCache.Kind.QUERY).requestCount()).isZero();
        }
    }

    @Test
    void modeDaxOpensAwsDaxClientOnTheEndpointAndUsesItForCachedReadsAndWrites() {
        DynamoDbClient store = mock(DynamoDbClient.class);
        DynamoDbClient dax = mock(DynamoDbClient.class);
        List<Configuration> opened = new ArrayList<>();
        ReadCache cache = create(
                CacheProperties.Mode.DAX,
                URI.create("dax://my-cluster.abc123.dax-clusters.eu-west-1.amazonaws.com"),
                store,
                configuration -> {
                    opened.add(configuration);
                    return dax;
                });
        SingleTable table = table(store, cache);

        assertThat(opened).singleElement().satisfies(configuration -> {
            assertThat(configuration.url()).isEqualTo("dax://my-cluster.abc123.dax-clusters.eu-west-1.amazonaws.com");
            assertThat(configuration.region().id()).isEqualTo("eu-west-1");
            // outside AWS mode the DAX client signs with the configured static keys, resolved at start
            assertThat(configuration.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo("local");
        });
        assertThat(table.cachedDynamo()).isSameAs(dax);
        table.dynamo().putItem(r -> r.tableName(TABLE).item(Map.of("PK", AttributeValue.fromS("x"))));
        table.dynamo().getItem(r -> r.tableName(TABLE).key(Map.of("PK", AttributeValue.fromS("x"))));
        org.mockito.Mockito.verify(dax)
                .putItem(org.mockito.ArgumentMatchers.any(
                        software.amazon.awssdk.services.dynamodb.model.PutItemRequest.class));
        org.mockito.Mockito.verify(store)
                .getItem(org.mockito.ArgumentMatchers.any(
                        software.amazon.awssdk.services.dynamodb.model.GetItemRequest.class));
        cache.close();
        org.mockito.Mockito.verify(dax).close();
    }

    @Test
    void modeDaxWithoutAnEndpointFailsAtStartWithOneLineNamingTheSetting() {
        DynamoDbClient store = mock(DynamoDbClient.class);
        assertThatThrownBy(() -> create(CacheProperties.Mode.DAX, null, store, NO_DAX))
                .isInstanceOfSatisfying(CacheStartupException.class, e -> {
                    FailureAnalysis analysis = new CacheStartupFailureAnalyzer()
                            .analyze(new BeanCreationException("readCache", "Failed to instantiate", e));
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .isEqualTo("singletable.cache.mode=dax needs singletable.cache.dax-endpoint")
                            .doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("singletable.cache.dax-endpoint", "dax://");
                });
    }

    @Test
    void aDaxClientThatCannotStartFailsWithTheEndpointInOneLine() {
        DynamoDbClient store = mock(DynamoDbClient.class);
        assertThatThrownBy(() ->
                        create(CacheProperties.Mode.DAX, URI.create("dax://nowhere.invalid"), store, configuration -> {
                            throw new java.io.IOException("no route to host");
                        }))
                .isInstanceOf(CacheStartupException.class)
                .hasMessage("cannot start the DAX client for dax://nowhere.invalid: no route to host "
                        + "(singletable.cache.dax-endpoint)");
    }

    @Test
    void missingAwsCredentialsForTheDaxClientAreNamedInAFewWords() {
        CacheStartupException failure = CacheStartupException.daxUnreachable(
                "dax://c.x.dax-clusters.eu-west-1.amazonaws.com",
                software.amazon.awssdk.core.exception.SdkClientException.create(
                        "Unable to load credentials from any of "
                                + "the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[...])"));
        assertThat(failure)
                .hasMessage("cannot start the DAX client for dax://c.x.dax-clusters.eu-west-1.amazonaws.com: "
                        + "no AWS credentials found (singletable.cache.dax-endpoint)");
        assertThat(failure.action()).contains("credentials");
    }
}
