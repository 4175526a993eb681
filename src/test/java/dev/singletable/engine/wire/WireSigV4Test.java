package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** With access keys configured every request must carry a valid SigV4 signature for service dynamodb. */
class WireSigV4Test {

    private static final String ACCESS_KEY = "AKIDWIRETEST";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private static WireServer server;
    private static RawHttp http;
    private static SignedRequests signer;

    @BeforeAll
    static void start() {
        server = WireServer.start(
                WireServerOptions.defaults().withAccessKeys(Map.of(ACCESS_KEY, SECRET)),
                new StubDynamoDb(),
                new StubStreams());
        http = new RawHttp(server.endpoint());
        signer = new SignedRequests(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sdkWithTheRightKeysIsServedInAnyRegion() {
        try (DynamoDbClient client = WireTestClients.dynamo(server.endpoint(), ACCESS_KEY, SECRET);
                DynamoDbStreamsClient streams = WireTestClients.streams(server.endpoint(), ACCESS_KEY, SECRET)) {
            assertThat(client.listTables().tableNames()).containsExactly("alpha", "beta");
            assertThat(streams.listStreams().streams()).isEmpty();
        }
        HttpResponse<byte[]> signed = http.send(signer.sign(
                LIST_TABLES, EMPTY_OBJECT, EMPTY_OBJECT, ACCESS_KEY, SECRET, "dynamodb", Clock.systemUTC(), Map.of()));
        assertThat(signed.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretIsInvalidSignatureException() {
        try (DynamoDbClient client = WireTestClients.dynamo(server.endpoint(), ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE);
            });
        }
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClientException() {
        try (DynamoDbClient client = WireTestClients.dynamo(server.endpoint(), "AKIDUNKNOWN", SECRET)) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    @Test
    void missingAuthorizationIsMissingAuthenticationToken() {
        HttpResponse<byte[]> response = http.post(LIST_TABLES, "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .isEqualTo(
                        "{\"__type\":\"com.amazon.coral.service#"
                                + "MissingAuthenticationTokenException\",\"message\":\"Request is missing Authentication Token\"}");
        // the checksum AWS sends with this exact body
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("2088342776");
    }

    @Test
    void bareAlgorithmPrefixIsIncompleteSignature() {
        HttpResponse<byte[]> response =
                http.post(LIST_TABLES, "application/x-amz-json-1.0", EMPTY_OBJECT, "Authorization", "AWS4-");
        assertThat(RawHttp.text(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#"
                        + "IncompleteSignatureException\",\"message\":\"Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
                        + "parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=AWS4-\"}");
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("1828866742");
    }

    @Test
    void tamperedBodyIsInvalidSignature() {
        byte[] other = "{\"Limit\":1}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(signer.sign(
                LIST_TABLES, EMPTY_OBJECT, other, ACCESS_KEY, SECRET, "dynamodb", Clock.systemUTC(), Map.of()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .contains("#InvalidSignatureException")
                .contains("does not match");
    }

    @Test
    void signatureForAnotherServiceIsRejected() {
        HttpResponse<byte[]> response = http.send(signer.sign(
                LIST_TABLES, EMPTY_OBJECT, EMPTY_OBJECT, ACCESS_KEY, SECRET, "s3", Clock.systemUTC(), Map.of()));
        assertThat(RawHttp.text(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\","
                        + "\"message\":\"Credential should be scoped to correct service: 'dynamodb'.\"}");
    }

    @Test
    void staleAndFutureSignaturesAreRejected() {
        Clock stale = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        HttpResponse<byte[]> expired = http.send(
                signer.sign(LIST_TABLES, EMPTY_OBJECT, EMPTY_OBJECT, ACCESS_KEY, SECRET, "dynamodb", stale, Map.of()));
        assertThat(RawHttp.text(expired))
                .contains("#InvalidSignatureException")
                .contains("Signature expired: ")
                .contains(" - 15 min.)");

        Clock future = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        HttpResponse<byte[]> early = http.send(
                signer.sign(LIST_TABLES, EMPTY_OBJECT, EMPTY_OBJECT, ACCESS_KEY, SECRET, "dynamodb", future, Map.of()));
        assertThat(RawHttp.text(early)).contains("Signature not yet current: ").contains(" + 15 min.)");

        Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        assertThat(http.send(signer.sign(
                                LIST_TABLES,
                                EMPTY_OBJECT,
                                EMPTY_OBJECT,
                                ACCESS_KEY,
                                SECRET,
                                "dynamodb",
                                slightlyOff,
                                Map.of()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void gzipBodyIsSignedAsSent() throws IOException {
        byte[] compressed = gzip("{\"Limit\":5}");
        HttpResponse<byte[]> response = http.send(signer.sign(
                LIST_TABLES,
                compressed,
                compressed,
                ACCESS_KEY,
                SECRET,
                "dynamodb",
                Clock.systemUTC(),
                Map.of("Content-Encoding", "gzip")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.text(response)).contains("alpha");
    }

    @Test
    void syntaxAndTargetErrorsComeBeforeAuthentication() {
        assertThat(RawHttp.text(http.post(LIST_TABLES, "{broken"))).contains("SerializationException");
        assertThat(RawHttp.text(http.post("DynamoDB_20120810.Nope", "{}"))).contains("UnknownOperationException");
    }

    @Test
    void healthCheckNeedsNoSignature() {
        assertThat(http.method("GET", "/").statusCode()).isEqualTo(200);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
