package dev.singletable.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.BrowserAccess;
import dev.singletable.engine.wire.WireBackends;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Access control from outside: the wire server wired as {@code -principalsFile} wires it (table.EngineConfiguration),
 * the AWS SDK v2 over HTTP signing with the configured keys. A signed request is allowed or denied by its principal's
 * policies; an unsigned one, an unknown key and a wrong secret get AWS's authentication errors.
 */
class AccessControlWireTest {

    private static EmbeddedEngine engine;
    private static WireServer server;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        AccessControlTest.createGameScores(
                engine.clientsOf(AccessControlTest.ACCOUNT, "us-east-1").dynamo());
        Principals principals = PrincipalsFile.parse(AccessControlTest.principals());
        AccessControl access = AccessControl.over(engine, principals);
        server = WireServer.start(
                WireServerOptions.defaults().withAccessKeys(principals.secrets()),
                BrowserAccess.defaults(),
                WireBackends.byCredentialScope((key, region) -> {
                    EmbeddedEngine.Clients clients = access.clients(key, region);
                    return new WireBackends.Backend(clients.dynamo(), clients.streams());
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void aSignedRequestIsAllowedOrDeniedByItsPrincipalsPolicy() {
        try (DynamoDbClient alice = client("AKIAALICE", "a")) {
            assertThat(alice.getItem(b -> b.tableName("GameScores").key(AccessControlTest.key("alice")))
                            .item())
                    .containsEntry("Email", AttributeValue.fromS("alice@example.com"));
            assertThatThrownBy(
                            () -> alice.getItem(b -> b.tableName("GameScores").key(AccessControlTest.key("bob"))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("User: arn:aws:iam::111122223333:"
                                        + "user/alice is not authorized to perform: dynamodb:GetItem on resource: "
                                        + AccessControlTest.TABLE_ARN + " because no identity-based policy allows the "
                                        + "dynamodb:GetItem action");
                    });
            assertThatThrownBy(() -> alice.deleteTable(b -> b.tableName("GameScores")))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void withPrincipalsEveryRequestMustBeSignedByOneOfTheirKeys() throws Exception {
        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.endpoint().resolve("/"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-amz-json-1.0")
                                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
        try (DynamoDbClient stranger = client("AKIASTRANGER", "x");
                DynamoDbClient forger = client("AKIAALICE", "b")) {
            assertThatThrownBy(stranger::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException"));
            assertThatThrownBy(forger::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidSignatureException"));
        }
    }

    @Test
    void anAttributeRestrictedRoleOverTheWire() {
        try (DynamoDbClient analyst = client("AKIAANALYST", "b")) {
            assertThat(analyst.getItem(b -> b.tableName("GameScores")
                                    .key(AccessControlTest.key("bob"))
                                    .projectionExpression("TopScore"))
                            .item())
                    .containsOnlyKeys("TopScore");
            assertThatThrownBy(() -> analyst.getItem(b -> b.tableName("GameScores")
                            .key(Map.of(
                                    "UserId",
                                    AttributeValue.fromS("bob"),
                                    "GameTitle",
                                    AttributeValue.fromS("Meteor")))))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    private static DynamoDbClient client(String accessKey, String secret) {
        URI endpoint = server.endpoint();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
