package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.WireServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code singletable.engine.auth.principals-file} as the engine's configuration wires it (no Spring context: the
 * bound properties and the bean method): the port then accepts only the file's keys and authorizes each request by
 * its principal's policies; a broken file stops the start with a message naming the property and the entry.
 */
class EnginePrincipalsFileTest {

    @TempDir
    Path dir;

    @Test
    void thePortServesOnlyThePrincipalsOfTheFileAsTheirPoliciesAllow() throws Exception {
        Path file = Files.writeString(dir.resolve("principals.json"), """
                [{"accessKeyId":"AKIAREADER","secretAccessKey":"reader-secret",
                  "principalArn":"arn:aws:iam::000000000000:user/reader",
                  "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                    "Action":["dynamodb:ListTables","dynamodb:DescribeTable"],"Resource":"*"}]}]}]""");
        EngineProperties properties = bind(Map.of(
                "singletable.engine.in-memory",
                "true",
                "singletable.engine.port",
                "0",
                "singletable.engine.auth.principals-file",
                file.toString()));
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory();
                WireServer server = start(engine, properties);
                DynamoDbClient reader = client(server.endpoint(), "AKIAREADER", "reader-secret");
                DynamoDbClient stranger = client(server.endpoint(), "AKIASTRANGER", "x")) {
            assertThat(reader.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> reader.createTable(b -> b.tableName("t")
                            .billingMode("PAY_PER_REQUEST")
                            .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                            .keySchema(k -> k.attributeName("pk").keyType("HASH"))))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(
                                            "User: arn:aws:iam::000000000000:user/reader is not authorized to perform: "
                                                    + "dynamodb:CreateTable on resource: arn:aws:dynamodb:us-east-1:000000000000:"
                                                    + "table/t because no identity-based policy allows the dynamodb:CreateTable action"));
            assertThatThrownBy(stranger::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void aBrokenFileStopsTheStartNamingTheEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("principals.json"), """
                [{"accessKeyId":"AKIAREADER","secretAccessKey":"s","principalArn":"arn:aws:iam::000000000000:user/r",
                  "policies":[{"Statement":[{"Effect":"Allow","Action":"dynamodb:*"}]}]}]""");
        EngineProperties properties = bind(Map.of(
                "singletable.engine.in-memory",
                "true",
                "singletable.engine.port",
                "0",
                "singletable.engine.auth.principals-file",
                file.toString()));
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            assertThatThrownBy(() -> start(engine, properties))
                    .hasMessageContaining("singletable.engine.auth.principals-file")
                    .hasMessageContaining("entry 0")
                    .hasMessageContaining("Resource is required");
        }
    }

    /** The bean method with no meter registry (as without Actuator). */
    private static WireServer start(EmbeddedEngine engine, EngineProperties properties) {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        return new EngineConfiguration()
                .engineWireServer(
                        engine,
                        properties,
                        none.getBeanProvider(MeterRegistry.class),
                        none.getBeanProvider(PrometheusMeterRegistry.class));
    }

    private static EngineProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("singletable.engine", EngineProperties.class);
    }

    private static DynamoDbClient client(URI endpoint, String key, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
