package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.wire.WireServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The service's engine port (issue 17, finding 7): on by default so the AWS CLI can look into the service's data, but
 * serving only requests signed with the key made for its data directory, kept there in {@code engine-port-key.env}.
 * An unsigned request, or one signed with any other key, is refused; a signed SDK request works. Over real HTTP.
 */
class EnginePortSecurityTest {

    private static final Pattern KEY_ID = Pattern.compile("(?m)^export AWS_ACCESS_KEY_ID=(\\w+)$");
    private static final Pattern SECRET = Pattern.compile("(?m)^export AWS_SECRET_ACCESS_KEY=([\\w+/]+)$");

    @TempDir
    Path dataDir;

    @Test
    void theServicesEnginePortServesOnlyRequestsSignedWithItsKey() throws Exception {
        String keyId;
        String secret;
        try (ConfigurableApplicationContext service = serviceEngine()) {
            URI endpoint = service.getBean(WireServer.class).endpoint();

            HttpResponse<String> unsigned = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint)
                                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                                    .header("Content-Type", "application/x-amz-json-1.0")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(400);
            assertThat(unsigned.body())
                    .contains("MissingAuthenticationTokenException")
                    .doesNotContain("TableNames");

            try (DynamoDbClient anyCredentials = client(endpoint, "local", "local")) {
                assertThatThrownBy(anyCredentials::listTables)
                        .isInstanceOf(DynamoDbException.class)
                        .hasMessageContaining("The security token included in the request is invalid");
            }

            Path keyFile = dataDir.resolve("engine-port-key.env");
            String text = Files.readString(keyFile);
            keyId = find(KEY_ID, text);
            secret = find(SECRET, text);
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (DynamoDbClient signed = client(endpoint, keyId, secret)) {
                signed.createTable(r -> r.tableName("private")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH")));
                assertThat(signed.listTables().tableNames()).containsExactly("private");
            }
        }
        // the key belongs to the data directory: a restart keeps it, so a configured AWS CLI profile keeps working
        try (ConfigurableApplicationContext again = serviceEngine();
                DynamoDbClient signed = client(again.getBean(WireServer.class).endpoint(), keyId, secret)) {
            assertThat(signed.listTables().tableNames()).containsExactly("private");
        }
    }

    @Test
    void configuredKeysReplaceTheGeneratedOneAndStandaloneDefaultsAcceptAnyCredentials() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EngineConfiguration.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--singletable.engine.in-memory=true",
                                "--singletable.engine.port=0",
                                "--singletable.engine.auth.access-keys.team=team-secret");
                DynamoDbClient team = client(service.getBean(WireServer.class).endpoint(), "team", "team-secret");
                DynamoDbClient other = client(service.getBean(WireServer.class).endpoint(), "local", "local")) {
            assertThat(team.listTables().tableNames()).isEmpty();
            assertThatThrownBy(other::listTables).isInstanceOf(DynamoDbException.class);
        }
        try (ConfigurableApplicationContext standalone = new SpringApplicationBuilder(EngineOnlyApplication.class)
                        .web(WebApplicationType.NONE)
                        .run("--singletable.engine.in-memory=true", "--singletable.engine.port=0");
                DynamoDbClient any = client(standalone.getBean(WireServer.class).endpoint(), "any", "any")) {
            assertThat(any.listTables().tableNames()).isEmpty();
        }
    }

    /** The engine configuration as the service uses it, on a durable directory. */
    private ConfigurableApplicationContext serviceEngine() {
        return new SpringApplicationBuilder(EngineConfiguration.class)
                .web(WebApplicationType.NONE)
                .run("--singletable.engine.data-dir=" + dataDir, "--singletable.engine.port=0");
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static DynamoDbClient client(URI endpoint, String keyId, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(ApacheHttpClient.create())
                .build();
    }
}
