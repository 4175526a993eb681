package dev.singletable.engine.fidelity;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two engines every differential test compares: ours and Amazon's DynamoDB Local, both in-process, each started
 * once per test JVM (DynamoDB Local takes a second or two to start). Tests isolate themselves by table name.
 * With {@code -Dfidelity.transport=wire} our engine is reached through its DynamoDB wire port by the SDK's HTTP client,
 * so the same scenarios also prove the wire protocol. That run compares the wire with our engine in-process instead of
 * with DynamoDB Local: the in-process run has already compared every scenario with DynamoDB Local, so "over the wire =
 * in-process" completes the proof, and the second run no longer pays DynamoDB Local's SQLite for every scenario again
 * (most of its time; the build's budget is {@code ./mvnw verify} under eight minutes).
 */
final class Oracle {

    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient localClient;
    private static EmbeddedEngine engine;

    private Oracle() {}

    static synchronized DynamoDbClient local() {
        if (localClient == null && overWire()) {
            localClient = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false))
                    .dynamoDbClient();
        }
        if (localClient == null) {
            local = DynamoDBEmbedded.create(true);
            localClient = local.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown));
        }
        return localClient;
    }

    private static DynamoDbClient oursClient;

    static synchronized DynamoDbClient ours() {
        if (oursClient == null) {
            // DynamoDB Local never throttles, and scenarios fire many requests at small provisioned tables: compare
            // with throttling off (ThrottlingTest covers it)
            engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
            oursClient = overWire() ? overWire(engine) : engine.dynamoDbClient();
        }
        return oursClient;
    }

    /**
     * Whether {@link #local()} is Amazon's DynamoDB Local: false in the wire run, where it is our engine in-process.
     * Assertions about DynamoDB Local's own known differences from AWS (docs/fidelity.md) hold only when it is.
     */
    static boolean localIsDynamoDbLocal() {
        return !overWire();
    }

    private static boolean overWire() {
        return "wire".equals(System.getProperty("fidelity.transport"));
    }

    private static DynamoDbClient overWire(EmbeddedEngine engine) {
        // as the application runs its in-memory engine: reads and item writes on the I/O thread (the worker hand-off is
        // covered by the wire tests)
        WireServer server = WireServer.start(
                WireServerOptions.defaults().withInlineReads(true).withInlineWrites(true),
                engine.dynamoDbClient(),
                engine.dynamoDbStreamsClient());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("fidelity", "fidelity")))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
