package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How strictly request JSON is read (issue #17, finding 5), over the wire against the real engine. A member or map
 * key given twice, a body of {@code null}, a byte-order mark or another encoding than UTF-8 are malformed requests
 * (SerializationException, nothing written) instead of being read leniently (the last duplicate winning, null as
 * {}, the BOM skipped); and an attribute name as long as DynamoDB allows (65 535 bytes) is read, where Jackson's
 * default limit (50 000) answered a SerializationException with an empty message.
 */
class JsonStrictnessTest {

    private static final String DDB = "DynamoDB_20120810.";
    private static final String SERIALIZATION = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";

    private static EmbeddedEngine engine;
    private static WireServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        server =
                WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
        http = new RawHttp(server.endpoint());
        assertThat(http.createTable("tbl").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(RawHttp.text(http.post(DDB + "Scan", "{\"TableName\":\"tbl\",\"Select\":\"COUNT\"}")))
                .contains("\"Count\":0");
    }

    @Test
    void aMemberOrAttributeGivenTwiceIsMalformed() {
        assertMalformed("PutItem", "{\"TableName\":\"nope\",\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertMalformed("PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"pk\":{\"S\":\"b\"}}}");
        assertMalformed(
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"x\":{\"N\":\"1\"," + "\"N\":\"2\"}}}");
        assertMalformed(
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"m\":{\"M\":{\"k\":"
                        + "{\"S\":\"1\"},\"k\":{\"S\":\"2\"}}}}}");
        assertMalformed(
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ConditionExpression\":"
                        + "\"#n <> :v\",\"ExpressionAttributeNames\":{\"#n\":\"x\",\"#n\":\"y\"},\"ExpressionAttributeValues\":"
                        + "{\":v\":{\"S\":\"1\"}}}");
        // unknown members are ignored, twice as well as once (AWS ignores what it does not know)
        assertThat(http.post(DDB + "ListTables", "{\"Whatever\":1,\"Whatever\":2}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBodyOfNullIsMalformed() {
        assertMalformed("ListTables", "null");
        assertMalformed("PutItem", " null ");
    }

    @Test
    void aByteOrderMarkOrAnotherEncodingIsMalformed() {
        byte[] json = "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}}}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(0xEF);
        bom.write(0xBB);
        bom.write(0xBF);
        bom.writeBytes(json);
        assertMalformed("PutItem", bom.toByteArray());
        String text = new String(json, StandardCharsets.UTF_8);
        assertMalformed("PutItem", text.getBytes(StandardCharsets.UTF_16LE));
        assertMalformed("PutItem", text.getBytes(StandardCharsets.UTF_16BE));
        assertMalformed("PutItem", text.getBytes(StandardCharsets.UTF_16));
    }

    @Test
    void anAttributeNameAsLongAsDynamoDbAllowsIsRead() {
        String longest = "n".repeat(65_535);
        HttpResponse<byte[]> put = http.post(
                DDB + "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"long\"},\"" + longest + "\":{\"S\":\"v\"}}}");
        assertThat(put.statusCode()).as(RawHttp.text(put)).isEqualTo(200);
        HttpResponse<byte[]> get = http.post(
                DDB + "GetItem",
                "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"long\"}}," + "\"ConsistentRead\":true}");
        assertThat(RawHttp.text(get)).contains("\"" + longest + "\":{\"S\":\"v\"}");
        assertThat(http.post(DDB + "DeleteItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"long\"}}}")
                        .statusCode())
                .isEqualTo(200);
        // one byte more is DynamoDB's own validation error (the shape's 65 535 limit), not a parser failure
        HttpResponse<byte[]> tooLong = http.post(
                DDB + "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":" + "\"long2\"},\"" + longest + "n\":{\"S\":\"v\"}}}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(tooLong))
                .startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\"")
                .contains("65535");
    }

    private static void assertMalformed(String operation, String body) {
        assertMalformed(operation, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(String operation, byte[] body) {
        HttpResponse<byte[]> response = http.post(DDB + operation, "application/x-amz-json-1.0", body);
        assertThat(response.statusCode())
                .as(new String(body, StandardCharsets.ISO_8859_1))
                .isEqualTo(400);
        assertThat(RawHttp.text(response))
                .as(new String(body, StandardCharsets.ISO_8859_1))
                .isEqualTo(SERIALIZATION);
    }
}
