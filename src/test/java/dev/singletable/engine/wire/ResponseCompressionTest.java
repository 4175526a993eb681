package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Compressed responses over the wire: {@code Accept-Encoding} read as DynamoDB reads it (the cases are the answers
 * ScyllaDB's compatibility tests record from AWS in test_compressed_response.py), bodies above 4 KB compressed,
 * {@code Content-Encoding} set and {@code x-amz-crc32} computed over the bytes sent.
 */
class ResponseCompressionTest {

    private static EmbeddedEngine engine;
    private static WireServer server;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.open(EngineOptions.inMemory());
        server =
                WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
        raw = new RawHttp(server.endpoint());
        engine.dynamoDbClient().createTable(b -> b.tableName("compressed")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("p").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("p").attributeType(ScalarAttributeType.S)));
        engine.dynamoDbClient().putItem(b -> b.tableName("compressed")
                .item(Map.of("p", AttributeValue.fromS("big"), "x", AttributeValue.fromS("x".repeat(5000)))));
        engine.dynamoDbClient().putItem(b -> b.tableName("compressed")
                .item(Map.of("p", AttributeValue.fromS("small"), "x", AttributeValue.fromS("x"))));
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "gzip|gzip",
                "deflate|deflate",
                "identity|none",
                "''|none",
                "br|none",
                "zstd|none",
                "x-gzip|none",
                "gzip, deflate|gzip",
                "br, identity, deflate, gzip|deflate",
                "GZIP, identity|gzip",
                "gzip;q=0.8, deflate;q=0.5|gzip",
                "br, gzip;q=0, deflate; q = 0.5 , identity;q=0|deflate",
                "*|gzip",
                "*, deflate;q=0.5|gzip",
                "*, deflate|deflate",
                "*, identity|gzip",
                "*, gzip;q=0.5|deflate",
                "gzip ;q=0|none",
                "identity;q=0|none",
                "*;q=0|none",
                "*;q=0.5,identity|gzip",
                "gzip;q=0.5,identity;q=0.8|gzip",
                "br;q=0.8,identity;q=0.5,*;q=0|none",
                "\"gzip\"|none",
                "gzip br|none",
                "gzip:q=1|none",
                "deflate;q=0.5, gzip;q=31|gzip",
                "gzip;q=31,deflate;q=51|gzip",
                "deflate;q=0.5, gzip;q=0.2|deflate",
                "deflate;q=0.5, gzip;q=1;q=0.2|gzip",
                "deflate;q=0.5,gzip;q=0.|deflate",
                "deflate;q=0.5,gzip;q=0.x|gzip",
                "deflate;q=0.5,gzip;q=0. x|gzip",
                "deflate;q=-0.5,gzip;q=0.2|gzip",
                "gzip;q= 0;q=1|none",
                "gzip;q =0;q=1|gzip",
                "gzip; q=0;q=1|none",
                "gzip;nq=0;q=1|none",
                "gzip;q=0, gzip;q=1, gzip;q=0|gzip",
                "br,identity;q=0.5,gzip;q=0.0001|gzip"
            })
    void acceptEncodingIsReadAsDynamoDbReadsIt(String header, String expected) {
        assertThat(ResponseCompression.choose(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"gzip", "deflate"})
    void aLargeResponseIsCompressedAndItsChecksumCoversTheBytesSent(String coding) throws IOException {
        HttpResponse<byte[]> response = raw.post(
                "DynamoDB_20120810.GetItem",
                "application/x-amz-json-1.0",
                "{\"TableName\":\"compressed\",\"Key\":{\"p\":{\"S\":\"big\"}}}".getBytes(StandardCharsets.UTF_8),
                "Accept-Encoding",
                coding);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains(coding);
        assertThat(response.headers().firstValue("x-amz-crc32"))
                .contains(Long.toString(RawHttp.crc32(response.body())));
        String json = new String(inflate(response.body(), coding), StandardCharsets.UTF_8);
        assertThat(json).contains("x".repeat(5000));
        assertThat(response.body().length * 10).isLessThan(json.length());
    }

    @Test
    void smallResponsesAndClientsThatDoNotAskAreAnsweredUncompressed() {
        HttpResponse<byte[]> small = raw.post(
                "DynamoDB_20120810.GetItem",
                "application/x-amz-json-1.0",
                "{\"TableName\":\"compressed\",\"Key\":{\"p\":{\"S\":\"small\"}}}".getBytes(StandardCharsets.UTF_8),
                "Accept-Encoding",
                "gzip");
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> plain =
                raw.post("DynamoDB_20120810.GetItem", "{\"TableName\":\"compressed\",\"Key\":{\"p\":{\"S\":\"big\"}}}");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(RawHttp.text(plain)).contains("x".repeat(5000));
    }

    private static byte[] inflate(byte[] body, String coding) throws IOException {
        try (InputStream in = "gzip".equals(coding)
                ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
