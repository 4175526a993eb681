package dev.singletable.engine.regions;

import static dev.singletable.engine.regions.RegionsTest.createTable;
import static dev.singletable.engine.regions.RegionsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.BrowserAccess;
import dev.singletable.engine.wire.WireBackends;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Over the wire a request reaches the region its signature is scoped to, and the account its access key acts in,
 * whether or not signatures are verified: the AWS SDK pointed at one port with two regions sees two sets of tables.
 */
class WireRegionsTest {

    private static EmbeddedEngine engine;
    private static WireServer server;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(
                WireServerOptions.defaults(),
                BrowserAccess.defaults(),
                WireBackends.byCredentialScope((key, region) -> {
                    EmbeddedEngine.Clients clients = engine.clients(key, region);
                    return new WireBackends.Backend(clients.dynamo(), clients.streams());
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void theSignaturesRegionChoosesTheTables() {
        try (DynamoDbClient virginia = client(Region.US_EAST_1, "AKIDREGIONS");
                DynamoDbClient ireland = client(Region.EU_WEST_1, "AKIDREGIONS");
                DynamoDbStreamsClient irishStreams = streams(Region.EU_WEST_1)) {
            createTable(ireland, "wire_regions");
            assertThat(virginia.listTables().tableNames()).doesNotContain("wire_regions");
            assertThat(ireland.describeTable(b -> b.tableName("wire_regions"))
                            .table()
                            .tableArn())
                    .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/wire_regions");
            ireland.putItem(b -> b.tableName("wire_regions").item(Map.of("pk", s("a"))));
            assertThat(engine.dynamoDbClient("eu-west-1")
                            .getItem(b -> b.tableName("wire_regions").key(Map.of("pk", s("a"))))
                            .hasItem())
                    .as("the same tables as in-process")
                    .isTrue();
            assertThat(irishStreams.listStreams().streams()).singleElement().satisfies(st -> assertThat(st.streamArn())
                    .contains(":eu-west-1:"));
        }
    }

    @Test
    void anUnsignedRequestReachesTheHomeRegion() throws Exception {
        createTable(engine.dynamoDbClient(), "wire_home");
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("wire_home");
    }

    @Test
    void aScopeWithAnImpossibleRegionIsInvalidSignatureException() throws Exception {
        HttpResponse<String> response = post(
                "DynamoDB_20120810.ListTables",
                "{}",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/EU_WEST-1/dynamodb/aws4_request, SignedHeaders=host, "
                        + "Signature=abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"__type\":\"com.amazon.coral.service#InvalidSignatureException\"")
                .contains("Credential should be scoped to a valid region, not 'EU_WEST-1'.");
    }

    @Test
    void anotherAccountsArnIsAccessDeniedOverTheWire() {
        String arn = createTable(engine.dynamoDbClient(), "wire_owned").tableArn();
        try (DynamoDbClient stranger = client(Region.US_EAST_1, "123456789012")) {
            assertThat(stranger.listTables().tableNames())
                    .as("its own account's tables")
                    .doesNotContain("wire_owned");
            assertThatThrownBy(() -> stranger.describeTable(b -> b.tableName(arn)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access is denied");
                    });
        }
    }

    @Test
    void aBatchOverTwoAccountsTablesRunsOverTheWire() {
        // each part allowed (the owner's table by its resource policy, the caller's own by its account): AWS runs the
        // batch (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-iam-actions.html)
        DynamoDbClient ownerClient = engine.dynamoDbClient();
        String arn = createTable(ownerClient, "wire_shared").tableArn();
        ownerClient.putResourcePolicy(b -> b.resourceArn(arn).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                  "Action":["dynamodb:BatchGetItem","dynamodb:BatchWriteItem"],"Resource":"%s"}]}""".formatted(arn)));
        try (DynamoDbClient partner = client(Region.US_EAST_1, "210987654321")) {
            createTable(partner, "wire_mine");
            BatchWriteItemResponse written = partner.batchWriteItem(b -> b.requestItems(Map.of(
                    arn,
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("pk", s("theirs"))))
                            .build()),
                    "wire_mine",
                    List.of(WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("pk", s("mine"))))
                            .build()))));
            assertThat(written.unprocessedItems()).isEmpty();
            BatchGetItemResponse read = partner.batchGetItem(b -> b.requestItems(Map.of(
                    arn,
                    KeysAndAttributes.builder().keys(Map.of("pk", s("theirs"))).build(),
                    "wire_mine",
                    KeysAndAttributes.builder().keys(Map.of("pk", s("mine"))).build())));
            assertThat(read.responses()).containsOnlyKeys(arn, "wire_mine");
            assertThat(read.responses().get(arn)).containsExactly(Map.of("pk", s("theirs")));
            assertThat(read.responses().get("wire_mine")).containsExactly(Map.of("pk", s("mine")));
            assertThat(ownerClient
                            .getItem(b -> b.tableName("wire_shared").key(Map.of("pk", s("theirs"))))
                            .hasItem())
                    .as("the owner's part was written in the owner's table")
                    .isTrue();
        }
    }

    private static HttpResponse<String> post(String target, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DynamoDbClient client(Region region, String accessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(region)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }

    private static DynamoDbStreamsClient streams(Region region) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(server.endpoint())
                .region(region)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
