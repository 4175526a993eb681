package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Raw HTTP with inputs no SDK would send. Every answer must be AWS's (status, {@code __type}, message), carry a
 * correct {@code x-amz-crc32} and a request id, and leave the server serving.
 */
class WireMalformedInputTest {

    private static final String DDB = "DynamoDB_20120810.";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";

    private static StubDynamoDb backend;
    private static WireServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        backend = new StubDynamoDb();
        server = WireServer.start(WireServerOptions.defaults().withMaxBodyBytes(64 * 1024), backend, null);
        http = new RawHttp(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void stillServing() {
        HttpResponse<byte[]> response = http.post(DDB + "ListTables", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.text(response)).isEqualTo("{\"TableNames\":[\"alpha\",\"beta\"]}");
        assertProtocolHeaders(response);
    }

    @Test
    void brokenJsonIsSerializationExceptionWithoutMessage() {
        for (String body : new String[] {"hi", "{", "{\"TableName\":", "}{", "{\"a\" 1}", "{} {}", "[1,]", "\"\"\""}) {
            HttpResponse<byte[]> response = http.post(DDB + "ListTables", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(RawHttp.text(response)).as(body).isEqualTo("{\"__type\":\"" + SERIALIZATION + "\"}");
            // the checksum AWS itself sends with this exact body
            assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("3948637019");
            assertProtocolHeaders(response);
        }
    }

    @Test
    void brokenJsonIsReportedBeforeAnUnknownTarget() {
        HttpResponse<byte[]> response = http.post(DDB + "NoSuchThing", "{oops");
        assertThat(RawHttp.text(response)).isEqualTo("{\"__type\":\"" + SERIALIZATION + "\"}");
    }

    @Test
    void aTypeMismatchBeforeBrokenJsonIsStillTheSyntaxError() {
        // the request is read in one pass: a member error found first must not hide the malformed tail
        for (String body : new String[] {"{\"TableName\":23,", "{\"TableName\":[1]} x", "{\"Limit\":\"a\"}}", " "}) {
            HttpResponse<byte[]> response = http.post(DDB + "Scan", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(RawHttp.text(response)).as(body).isEqualTo("{\"__type\":\"" + SERIALIZATION + "\"}");
        }
    }

    @Test
    void unknownAndMissingTargetsAreUnknownOperationException() {
        for (String target : new String[] {
            DDB + "ListTable", "whatever", "DynamoDB_20111205.ListTables", "DynamoDBStreams_20120810.GetRecords", null
        }) {
            HttpResponse<byte[]> response = http.post(target, "{}");
            assertThat(response.statusCode()).as(target).isEqualTo(400);
            assertThat(RawHttp.text(response))
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
            assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("1368724161");
        }
    }

    @Test
    void operationTheBackendDoesNotImplementIsUnknownOperation() {
        HttpResponse<byte[]> response = http.post(DDB + "CreateBackup", "{\"TableName\":\"t\",\"BackupName\":\"b\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response)).contains("UnknownOperationException");
    }

    @Test
    void emptyBodyForAKnownTargetIsSerializationException() {
        HttpResponse<byte[]> response = http.post(DDB + "ListTables", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response)).isEqualTo("{\"__type\":\"" + SERIALIZATION + "\"}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Scan|{\"TableName\":23}|class java.lang.Short can not be converted to an String",
                "Scan|{\"TableName\":-2147483648}|class java.lang.Integer can not be converted to an String",
                "Scan|{\"TableName\":2147483648}|class java.lang.Long can not be converted to an String",
                "Scan|{\"TableName\":34.56}|class java.lang.Double can not be converted to an String",
                "Scan|{\"TableName\":true}|class java.lang.Boolean can not be converted to an String",
                "Scan|{\"TableName\":[]}|Start of list found where not expected",
                "Scan|{\"TableName\":{}}|Start of structure or map found where not expected.",
                "Scan|{\"Limit\":\"23\"}|class java.lang.String can not be converted to an Integer",
                "Scan|{\"Limit\":true}|class java.lang.Boolean can not be converted to an Integer",
                "Scan|{\"ConsistentRead\":\"yes\"}|'YES' can not be converted to an Boolean",
                "Scan|{\"ConsistentRead\":23}|class java.lang.Short can not be converted to an Boolean",
                "Scan|{\"ConsistentRead\":{}}|Start of structure or map found where not expected.",
                "Scan|{\"AttributesToGet\":\"a\"}|Expected list or null",
                "Scan|{\"AttributesToGet\":{}}|Start of structure or map found where not expected.",
                "Scan|{\"AttributesToGet\":[true]}|class java.lang.Boolean can not be converted to an String",
                "Scan|{\"ExclusiveStartKey\":23}|Expected map or null",
                "Scan|{\"ExclusiveStartKey\":[]}|Start of list found where not expected",
                "Scan|{\"ExclusiveStartKey\":{\"a\":\"x\"}}|Expected null",
                "Scan|{\"ExclusiveStartKey\":{\"a\":[]}}|Start of list found where not expected",
                "PutItem|{\"Item\":{\"a\":{\"B\":\"23456\"}}}|'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5",
                "PutItem|{\"Item\":{\"a\":{\"B\":\"=+/=\"}}}|'=+/=' can not be converted to a Blob: Invalid Base64 character: '='",
                "PutItem|{\"Item\":{\"a\":{\"B\":\"+/+=\"}}}|'+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
                "PutItem|{\"Item\":{\"a\":{\"B\":\"ab!d\"}}}|'ab!d' can not be converted to a Blob: Invalid Base64 character: '!'",
                "PutItem|{\"Item\":{\"a\":{\"BS\":[23]}}}|class java.lang.Short can not be converted to a Blob",
                "PutItem|{\"Item\":{\"a\":{\"L\":[{\"M\":{\"b\":{\"N\":1}}}]}}}|class java.lang.Short can not be converted to an String",
                "PutItem|{\"Item\":{\"a\":{\"NULL\":\"maybe\"}}}|'MAYBE' can not be converted to an Boolean",
            })
    void wrongJsonTypesAreSerializationExceptionsWithAwsWording(String operation, String body, String message) {
        HttpResponse<byte[]> response = http.post(DDB + operation, body);
        assertThat(response.statusCode()).isEqualTo(400);
        String expected = "{\"__type\":\"" + SERIALIZATION + "\",\"Message\":" + jsonString(message) + "}";
        assertThat(RawHttp.text(response)).isEqualTo(expected);
        assertProtocolHeaders(response);
    }

    @Test
    void nullMembersAndUnknownMembersAreIgnored() {
        HttpResponse<byte[]> response = http.post(
                DDB + "Scan",
                "{\"TableName\":\"t\",\"Limit\":null,\"NoSuchMember\":{\"deep\":[1,2,{}]},\"Select\":\"BOGUS_SELECT\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        ScanRequest scan = (ScanRequest) backend.lastRequest.get();
        assertThat(scan.tableName()).isEqualTo("t");
        assertThat(scan.limit()).isNull();
        // enum values the SDK does not know reach the engine untouched, so it can reject them itself
        assertThat(scan.selectAsString()).isEqualTo("BOGUS_SELECT");
    }

    @Test
    void fractionalNumbersAreFlooredForIntegerMembers() {
        http.post(DDB + "Scan", "{\"TableName\":\"t\",\"Limit\":7.9}");
        assertThat(((ScanRequest) backend.lastRequest.get()).limit()).isEqualTo(7);
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutHurtingTheServer() {
        String nested = "{\"a\":".repeat(5_000) + "{}" + "}".repeat(5_000);
        HttpResponse<byte[]> response =
                http.post(DDB + "PutItem", "{\"TableName\":\"t\",\"Item\":{\"x\":" + nested + "}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response)).contains("SerializationException");
    }

    @Test
    void bodyAboveTheLimitIs413AndTheConnectionRecovers() {
        byte[] big = ("{\"TableName\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.post(DDB + "Scan", "application/x-amz-json-1.0", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("0");
        assertProtocolHeaders(response);
    }

    @Test
    void healthCheck() {
        HttpResponse<byte[]> response = http.method("GET", "/");
        assertThat(response.statusCode()).isEqualTo(200);
        // AWS names the host it was asked for (ScyllaDB's test_health.py records it)
        assertThat(RawHttp.text(response))
                .isEqualTo("healthy: " + server.endpoint().getAuthority());
        assertProtocolHeaders(response);
    }

    @Test
    void otherMethodsAndContentTypesAre404() {
        for (String method : new String[] {"PUT", "DELETE", "GET"}) {
            String path = "GET".equals(method) ? "/other" : "/";
            HttpResponse<byte[]> response = http.method(method, path);
            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(RawHttp.text(response)).isEqualTo("<UnknownOperationException/>\n");
            assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("3552371480");
        }
        HttpResponse<byte[]> response =
                http.post(DDB + "ListTables", "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void plainJsonContentTypeIsAnsweredInKind() {
        HttpResponse<byte[]> response =
                http.post(DDB + "ListTables", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<byte[]> amz = http.post(DDB + "ListTables", "{}");
        assertThat(amz.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void backendFaultIs500InternalServerError() {
        HttpResponse<byte[]> response = http.post(DDB + "GetItem", "{\"TableName\":\"t\",\"Key\":{}}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawHttp.text(response))
                .isEqualTo(
                        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");
        assertProtocolHeaders(response);
    }

    @Test
    void outputWithoutMembersHasAnEmptyBody() {
        HttpResponse<byte[]> response = http.post(
                DDB + "TagResource",
                "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:1:table/t\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("0");
    }

    private static void assertProtocolHeaders(HttpResponse<byte[]> response) {
        // AWS's responses carry "Server: Server" (ScyllaDB's test_http_headers.py records it)
        assertThat(response.headers().firstValue("Server")).hasValue("Server");
        assertThat(response.headers().firstValue("x-amz-crc32"))
                .hasValue(Long.toString(RawHttp.crc32(response.body())));
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9A-Z]{52}"));
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
