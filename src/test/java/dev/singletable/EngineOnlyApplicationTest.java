package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.wire.WireServer;
import dev.singletable.table.EngineOnlyApplication;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code java -jar singletable.jar --engine-only}: the engine and its port, nothing of the service. */
class EngineOnlyApplicationTest {

    @Test
    void servesTheDynamoDbProtocolWithoutTheWebApplication() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EngineOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--singletable.engine.port=0", "--singletable.engine.in-memory=true")) {
            assertThat(context.getBeanNamesForType(DynamoDbEnhancedClient.class))
                    .isEmpty();
            WireServer server = context.getBean(WireServer.class);
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.endpoint()).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            try (DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                    .httpClient(ApacheHttpClient.create())
                    .build()) {
                dynamo.createTable(r -> r.tableName("standalone")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH")));
                assertThat(dynamo.listTables().tableNames()).containsExactly("standalone");
            }
        }
    }
}
