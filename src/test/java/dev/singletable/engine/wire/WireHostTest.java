package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/**
 * DescribeEndpoints over the wire names this server as the client reached it, so an SDK that follows it (endpoint
 * discovery) stays on the engine; in-process it keeps AWS's regional name.
 */
class WireHostTest {

    private static EmbeddedEngine engine;
    private static WireServer server;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.open(EngineOptions.inMemory());
        server =
                WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void describeEndpointsNamesThisServerAndItAnswersThere() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build()) {
            Endpoint endpoint = client.describeEndpoints(b -> {}).endpoints().get(0);
            assertThat(endpoint.address()).isEqualTo(server.endpoint().getAuthority());
            assertThat(endpoint.cachePeriodInMinutes()).isEqualTo(1440L);
            HttpResponse<byte[]> health = new RawHttp(URI.create("http://" + endpoint.address())).method("GET", "/");
            assertThat(RawHttp.text(health)).isEqualTo("healthy: " + endpoint.address());
        }
        assertThat(engine.dynamoDbClient()
                        .describeEndpoints(b -> {})
                        .endpoints()
                        .get(0)
                        .address())
                .isEqualTo("dynamodb.us-east-1.amazonaws.com");
    }
}
