package dev.singletable.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** A throttled request over the wire: HTTP 400, the right {@code __type}, ThrottlingReasons a real SDK parses. */
class ThrottlingOverWireTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EmbeddedEngine engine =
            EmbeddedEngine.open(EngineOptions.inMemory().withClock(clock));
    private final WireServer server =
            WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("akid", "secret")))
            .httpClient(ApacheHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @AfterEach
    void close() {
        client.close();
        server.close();
        engine.close();
    }

    @Test
    void anExhaustedTableAnswersProvisionedThroughputExceededWithItsReasons() {
        DynamoDbClient direct = engine.dynamoDbClient();
        direct.createTable(r -> r.tableName("tab")
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        for (int i = 0; i < 300; i++) {
            String key = "k" + i;
            direct.putItem(r -> r.tableName("tab").item(Map.of("pk", AttributeValue.fromS(key))));
        }

        ProvisionedThroughputExceededException e = catchThrowableOfType(
                () -> client.putItem(r -> r.tableName("tab").item(Map.of("pk", AttributeValue.fromS("x")))),
                ProvisionedThroughputExceededException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned throughput");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
            assertThat(reason.resource()).endsWith(":table/tab");
        });
    }

    @Test
    void aHotKeyOnAnOnDemandTableAnswersThrottlingException() {
        DynamoDbClient direct = engine.dynamoDbClient();
        direct.createTable(r -> r.tableName("ondemand")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        for (int i = 0; i < 1000; i++) {
            direct.putItem(r -> r.tableName("ondemand").item(Map.of("pk", AttributeValue.fromS("hot"))));
        }
        ThrottlingException e = catchThrowableOfType(
                () -> client.putItem(r -> r.tableName("ondemand").item(Map.of("pk", AttributeValue.fromS("hot")))),
                ThrottlingException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason())
                .isEqualTo("TableWriteKeyRangeThroughputExceeded"));
    }
}
