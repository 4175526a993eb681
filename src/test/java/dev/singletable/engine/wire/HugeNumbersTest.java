package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Numbers whose handling once cost minutes of CPU per request, found by {@link WireFuzzTest}: a JSON number such as
 * {@code 1e-999999999} for an integer or timestamp member (rounding it computed 10 to the billionth power, on the
 * I/O thread for reads), and a number attribute of hundreds of thousands of digits (BigDecimal's parsing and
 * trailing-zero stripping are quadratic: 30 s for 200 000 digits). Each must be answered with DynamoDB's 400 within
 * the fuzzer's 5 seconds, as any request must.
 */
class HugeNumbersTest {

    private static final String DDB = "DynamoDB_20120810.";
    private static EmbeddedEngine engine;
    private static WireServer server;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(
                WireServerOptions.defaults().withInlineReads(true),
                engine.dynamoDbClient(),
                engine.dynamoDbStreamsClient());
        assertThat(post(
                                "CreateTable",
                                "{\"TableName\":\"tbl\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":"
                                        + "\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"N\"}],"
                                        + "\"BillingMode\":\"PAY_PER_REQUEST\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void aTinyJsonNumberForAnIntegerOrTimeMemberIsAnsweredAtOnce() throws Exception {
        HttpResponse<String> scan = post("Scan", "{\"TableName\":\"tbl\",\"Limit\":1e-999999999}");
        assertThat(scan.statusCode()).isEqualTo(400);
        assertThat(scan.body()).contains("ValidationException").contains("'limit'");
        HttpResponse<String> negative = post("Scan", "{\"TableName\":\"tbl\",\"Limit\":-1e-999999999}");
        assertThat(negative.statusCode()).isEqualTo(400);
        HttpResponse<String> restore = post(
                "RestoreTableToPointInTime",
                "{\"SourceTableName\":\"tbl\"," + "\"TargetTableName\":\"tbl2\",\"RestoreDateTime\":1e-999999999}");
        assertThat(restore.statusCode()).isEqualTo(400);
        HttpResponse<String> huge = post("Scan", "{\"TableName\":\"tbl\",\"Limit\":1e999999999}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("SerializationException");
    }

    @Test
    void aNumberAttributeOfHundredsOfThousandsOfDigitsIsAnsweredAtOnce() throws Exception {
        HttpResponse<String> overflow = post(
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"N\":\"1\"}," + "\"n\":{\"N\":\"1" + "0".repeat(400_000)
                        + "\"}}}");
        assertThat(overflow.statusCode()).isEqualTo(400);
        assertThat(overflow.body()).contains("Number overflow");
        HttpResponse<String> key =
                post("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"N\":\"0." + "0".repeat(400_000) + "1\"}}}");
        assertThat(key.statusCode()).isEqualTo(400);
        assertThat(key.body()).contains("Number underflow");
        HttpResponse<String> precise = post(
                "PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"N\":\"" + "7".repeat(300_000) + "e-299990\"}}}");
        assertThat(precise.body()).contains("more than 38 significant digits");
    }

    /**
     * Trailing zeros against an exponent at the int limit: stripping them took the value's scale past an int
     * (ArithmeticException, a 500). Found by LongNumberFormsTest, which compares the long-number fast path with it.
     */
    @Test
    void trailingZerosBeforeAnExtremeExponentAreAnOverflowOrUnderflow() throws Exception {
        for (String number : new String[] {"10e2147483647", "1000e+2147483647", "-10E2147483647"}) {
            HttpResponse<String> put = post(
                    "PutItem",
                    "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"N\":\"1\"}," + "\"n\":{\"N\":\"" + number + "\"}}}");
            assertThat(put.statusCode()).as(number).isEqualTo(400);
            assertThat(put.body()).as(number).contains("Number overflow");
        }
        HttpResponse<String> key =
                post("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"N\":\"10e2147483647\"}}}");
        assertThat(key.statusCode()).isEqualTo(400);
        assertThat(key.body()).contains("Number overflow");
    }

    /** A request that must be answered within the fuzzer's bound. */
    private static HttpResponse<String> post(String operation, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                        .timeout(Duration.ofSeconds(5))
                        .header("X-Amz-Target", DDB + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
