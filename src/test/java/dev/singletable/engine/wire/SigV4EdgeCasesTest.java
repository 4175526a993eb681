package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SigV4 with authentication on, at its edges (issue #17, finding 6), against the real engine: what a signature
 * covers cannot be changed or left out. Before, a signed GetItem whose X-Amz-Target was left unsigned could be sent
 * again as a DeleteItem and deleted the item; a payload signed as {@code UNSIGNED-PAYLOAD} was accepted whatever the
 * body; and a session token nobody issued was ignored.
 */
class SigV4EdgeCasesTest {

    private static final String ACCESS_KEY = "AKIDEDGECASES";
    private static final String SECRET = "edge/cases/secret/key/for/the/engine/port";
    private static final String DDB = "DynamoDB_20120810.";
    private static final String INVALID_SIGNATURE = "com.amazon.coral.service#InvalidSignatureException";
    private static final byte[] GET_ITEM =
            ("{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}}}").getBytes(StandardCharsets.UTF_8);

    private static EmbeddedEngine engine;
    private static WireServer server;
    private static RawHttp http;
    private static SignedRequests signer;
    private static DynamoDbClient owner;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(
                WireServerOptions.defaults().withAccessKeys(Map.of(ACCESS_KEY, SECRET)),
                engine.dynamoDbClient(),
                engine.dynamoDbStreamsClient());
        http = new RawHttp(server.endpoint());
        signer = new SignedRequests(server.endpoint());
        owner = WireTestClients.dynamo(server.endpoint(), ACCESS_KEY, SECRET);
        owner.createTable(b -> b.tableName("tbl")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
    }

    @AfterAll
    static void stop() {
        owner.close();
        server.close();
        engine.close();
    }

    @BeforeEach
    void item() {
        owner.putItem(b -> b.tableName("tbl").item(Map.of("pk", AttributeValue.fromS("a"))));
    }

    @Test
    void aProperlySignedRequestIsServed() {
        HttpResponse<byte[]> response = http.send(signer.sign(
                DDB + "GetItem",
                GET_ITEM,
                GET_ITEM,
                identity(),
                "dynamodb",
                Clock.systemUTC(),
                Map.of(),
                true,
                Map.of()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.text(response)).contains("\"pk\":{\"S\":\"a\"}");
    }

    @Test
    void anUnsignedTargetCannotTurnAGetItemIntoADeleteItem() {
        HttpResponse<byte[]> replayed = http.send(signer.sign(
                null,
                GET_ITEM,
                GET_ITEM,
                identity(),
                "dynamodb",
                Clock.systemUTC(),
                Map.of(),
                true,
                Map.of("X-Amz-Target", DDB + "DeleteItem")));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(replayed))
                .isEqualTo("{\"__type\":\"" + INVALID_SIGNATURE + "\",\"message\":\""
                        + SigV4Verifier.UNSIGNED_HEADERS_MESSAGE + "\"}");
        assertThat(owner.getItem(b -> b.tableName("tbl").key(Map.of("pk", AttributeValue.fromS("a"))))
                        .hasItem())
                .as("the item is still there")
                .isTrue();
    }

    @Test
    void everyAmzHeaderPresentMustBeSigned() {
        HttpResponse<byte[]> response = http.send(signer.sign(
                DDB + "GetItem",
                GET_ITEM,
                GET_ITEM,
                identity(),
                "dynamodb",
                Clock.systemUTC(),
                Map.of(),
                true,
                Map.of("X-Amz-Anything", "added later")));
        assertThat(RawHttp.text(response)).contains(INVALID_SIGNATURE).contains(SigV4Verifier.UNSIGNED_HEADERS_MESSAGE);
        // headers outside the x-amz- family (the SDKs leave x-amzn-trace-id and user-agent unsigned) are fine
        HttpResponse<byte[]> traced = http.send(signer.sign(
                DDB + "GetItem",
                GET_ITEM,
                GET_ITEM,
                identity(),
                "dynamodb",
                Clock.systemUTC(),
                Map.of(),
                true,
                Map.of("X-Amzn-Trace-Id", "Root=1-abc")));
        assertThat(traced.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsignedPayloadIsNotAccepted() {
        byte[] delete = "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}}}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(signer.sign(
                DDB + "DeleteItem",
                delete,
                delete,
                identity(),
                "dynamodb",
                Clock.systemUTC(),
                Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                false,
                Map.of()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .isEqualTo("{\"__type\":\"" + INVALID_SIGNATURE + "\",\"message\":\""
                        + SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE + "\"}");
        assertThat(owner.getItem(b -> b.tableName("tbl").key(Map.of("pk", AttributeValue.fromS("a"))))
                        .hasItem())
                .isTrue();
    }

    @Test
    void aSessionTokenThatWasNeverIssuedIsRefused() {
        HttpResponse<byte[]> response = http.send(signer.sign(
                DDB + "GetItem",
                GET_ITEM,
                GET_ITEM,
                AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET, "made-up-session-token"),
                "dynamodb",
                Clock.systemUTC(),
                Map.of(),
                true,
                Map.of()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#"
                        + "UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid."
                        + "\"}");
    }

    @Test
    void malformedAuthorizationHeadersGetAwsErrors() {
        String[][] cases = {
            {
                "AWS4-HMAC-SHA256 Credential=AKIDEDGECASES/20240101/us-east-1/dynamodb/aws4_request",
                "IncompleteSignatureException"
            },
            {
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00",
                "IncompleteSignatureException"
            },
            {
                "AWS4-HMAC-SHA256 Credential=AKIDEDGECASES/2024/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00",
                "InvalidSignatureException"
            },
            {
                "AWS4-HMAC-SHA256 Credential=NOSUCHKEY/20240101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=zz",
                "InvalidSignatureException"
            },
            {"AWS4-HMAC-SHA256 ,,,===,", "IncompleteSignatureException"},
            {"AWS4-", "IncompleteSignatureException"},
            {"Bearer abc", "MissingAuthenticationTokenException"},
            {"", "MissingAuthenticationTokenException"},
        };
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        for (String[] c : cases) {
            HttpResponse<byte[]> response = http.post(
                    DDB + "GetItem", "application/x-amz-json-1.0", GET_ITEM, "Authorization", c[0], "X-Amz-Date", now);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(RawHttp.text(response)).as(c[0]).startsWith("{\"__type\":\"com.amazon.coral.service#" + c[1]);
        }
    }

    private static AwsCredentialsIdentity identity() {
        return AwsCredentialsIdentity.create(ACCESS_KEY, SECRET);
    }
}
