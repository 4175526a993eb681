package dev.singletable.table;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.resilience.StoreResilience;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The one place that decides where the data lives: the bundled engine in-process, any DynamoDB-compatible endpoint, or AWS.
 * Everything else in the service sees only the AWS SDK interfaces built here, so switching stores is configuration only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, TableProperties.class, CacheProperties.class})
class DynamoDbConfiguration {

    /**
     * The store client, guarded by the service's retry and circuit breaker ({@link StoreResilience}). The SDK's own
     * retries are off (one attempt per call) so the two do not multiply: resilience4j alone decides how often and how
     * long to retry, the same way for every store mode.
     */
    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(
            StorageProperties storage, ObjectProvider<EmbeddedEngine> engine, StoreResilience resilience) {
        DynamoDbClient store =
                switch (storage.mode()) {
                    case EMBEDDED -> engine.getObject().dynamoDbClient(storage.region());
                    case ENDPOINT -> {
                        Endpoint fixed = fixedEndpoint(storage);
                        yield DynamoDbClient.builder()
                                .endpointOverride(fixed.url())
                                .endpointProvider(params -> CompletableFuture.completedFuture(fixed))
                                .region(Region.of(storage.region()))
                                .credentialsProvider(staticCredentials(storage))
                                .httpClient(httpClient(storage))
                                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                                .build();
                    }
                    case AWS ->
                        DynamoDbClient.builder()
                                .httpClient(httpClient(storage))
                                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                                .build();
                };
        return resilience.guard(store);
    }

    @Bean(destroyMethod = "close")
    DynamoDbStreamsClient dynamoDbStreamsClient(StorageProperties storage, ObjectProvider<EmbeddedEngine> engine) {
        return switch (storage.mode()) {
            case EMBEDDED -> engine.getObject().dynamoDbStreamsClient(storage.region());
            case ENDPOINT -> {
                Endpoint fixed = fixedEndpoint(storage);
                yield DynamoDbStreamsClient.builder()
                        .endpointOverride(fixed.url())
                        .endpointProvider(params -> CompletableFuture.completedFuture(fixed))
                        .region(Region.of(storage.region()))
                        .credentialsProvider(staticCredentials(storage))
                        .httpClient(httpClient(storage))
                        .build();
            }
            case AWS ->
                DynamoDbStreamsClient.builder().httpClient(httpClient(storage)).build();
        };
    }

    /**
     * The read cache ({@code singletable.cache}, docs/caching.md) in front of the store client: {@link SingleTable}
     * hands it out for the reads that may be stale and sends every write through it.
     */
    @Bean(destroyMethod = "close")
    ReadCache readCache(
            CacheProperties cache,
            StorageProperties storage,
            DynamoDbClient dynamo,
            StoreResilience resilience,
            ObjectProvider<MeterRegistry> meters) {
        return ReadCache.create(
                cache,
                storage,
                dynamo,
                resilience::guard,
                meters.getIfAvailable(),
                Ticker.systemTicker(),
                ReadCache.DaxClients.AWS);
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamo) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    }

    /** Local stores get their table from the service; on AWS, Terraform owns it. */
    @Bean(initMethod = "ensureTable")
    @ConditionalOnExpression("'${singletable.storage.mode:embedded}'.toLowerCase() != 'aws'")
    TableBootstrap tableBootstrap(DynamoDbClient dynamo, TableProperties table) {
        return new TableBootstrap(dynamo, table.name(), TableLayoutLoader.load());
    }

    /**
     * A new SDK HTTP client for one store client (each client closes its own). Embedded mode never gets here: it
     * makes no HTTP call.
     */
    private static SdkHttpClient httpClient(StorageProperties storage) {
        return switch (storage.httpClient()) {
            case APACHE -> ApacheHttpClient.create();
            case APACHE5 -> Apache5HttpClient.create();
            case URL_CONNECTION -> UrlConnectionHttpClient.create();
        };
    }

    private static URI endpoint(StorageProperties storage) {
        if (storage.endpoint() == null) {
            throw new IllegalStateException("singletable.storage.mode=endpoint needs singletable.storage.endpoint");
        }
        return storage.endpoint();
    }

    /**
     * Endpoint mode's endpoint, which its clients' endpoint provider answers with for every call. The SDK's default provider evaluates
     * DynamoDB's endpoint rules on every call (about 5 % of a call's CPU in the SDK client, docs/benchmarks.md), and
     * with an endpoint override those rules answer with the override anyway, so the request sent is the same. AWS
     * mode keeps the rules (regional, FIPS, dual-stack and account-based endpoints).
     */
    static Endpoint fixedEndpoint(StorageProperties storage) {
        return Endpoint.builder().url(endpoint(storage)).build();
    }

    private static StaticCredentialsProvider staticCredentials(StorageProperties storage) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
    }
}
