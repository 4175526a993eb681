package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deeply nested input over the wire (issue #17, finding 3): a PartiQL statement nested hundreds of levels deep once
 * overflowed the parser's stack (HTTP 500). Every recursive path of a request — PartiQL statements, their literals
 * and parameters, attribute values in items and expression values, condition expressions, JSON itself — must answer
 * a 400 at any depth, with DynamoDB's error, and leave the server serving. Reads run on the I/O thread here
 * (inline), as in the application, so a stack overflow there would be the worst case.
 */
class DeepNestingTest {

    private static final String DDB = "DynamoDB_20120810.";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    private static EmbeddedEngine engine;
    private static WireServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(
                WireServerOptions.defaults().withInlineReads(true),
                engine.dynamoDbClient(),
                engine.dynamoDbStreamsClient());
        http = new RawHttp(server.endpoint());
        assertThat(http.createTable("tbl").statusCode()).isEqualTo(200);
        assertThat(http.post(DDB + "PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}}}")
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @AfterEach
    void stillServing() {
        HttpResponse<byte[]> get = http.post(DDB + "GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(RawHttp.text(get)).contains("\"pk\":{\"S\":\"a\"}");
    }

    @Test
    void aPartiqlWhereClauseNestedThousandsDeepIsAMalformedStatement() {
        // before: a StackOverflowError in the parser and a 500 (800 levels already on a smaller stack)
        assertMalformed("SELECT * FROM tbl WHERE " + "(".repeat(4000) + "pk='a'" + ")".repeat(4000));
        assertMalformed("SELECT * FROM tbl WHERE pk IN " + "[".repeat(4000) + "'a'" + "]".repeat(4000));
        assertMalformed("SELECT * FROM tbl WHERE " + "(".repeat(800) + "pk='a'" + ")".repeat(800));
    }

    @Test
    void partiqlNestingIsRefusedPastItsLimitInEveryForm() {
        assertMalformed("SELECT * FROM tbl WHERE " + "NOT ".repeat(2000) + "pk='a'");
        assertMalformed("INSERT INTO tbl VALUE {'pk':'b','x':" + "{'y':".repeat(1000) + "1" + "}".repeat(1000) + "}");
        assertMalformed("SELECT * FROM tbl WHERE pk = size(" + "size(".repeat(900) + "x" + ")".repeat(901));
    }

    @Test
    void partiqlNestingWithinTheLimitStillWorks() {
        String statement = "SELECT * FROM tbl WHERE " + "(".repeat(40) + "pk='a'" + ")".repeat(40);
        HttpResponse<byte[]> response = executeStatement(statement);
        assertThat(response.statusCode()).as(RawHttp.text(response)).isEqualTo(200);
        assertThat(RawHttp.text(response)).contains("\"pk\":{\"S\":\"a\"}");
    }

    @Test
    void aLongPartiqlConditionChainIsAnsweredWithoutAFault() {
        String chain = "pk='a'" + " OR pk='a'".repeat(800);
        HttpResponse<byte[]> response = executeStatement("SELECT * FROM tbl WHERE " + chain);
        assertThat(response.statusCode()).as(RawHttp.text(response)).isLessThan(500);
    }

    @Test
    void deeplyNestedAttributeValuesAreValidationErrorsWhereverTheyAppear() {
        String deep = "{\"M\":{\"a\":".repeat(200) + "{\"S\":\"x\"}" + "}}".repeat(200);
        String deepList = "{\"L\":[".repeat(200) + "{\"S\":\"x\"}" + "]}".repeat(200);
        assertValidation(http.post(
                DDB + "PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"d\"},\"x\":" + deep + "}}"));
        assertValidation(http.post(
                DDB + "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"d\"}},"
                        + "\"ConditionExpression\":\"x = :v\",\"ExpressionAttributeValues\":{\":v\":" + deepList
                        + "}}"));
        assertValidation(http.post(
                DDB + "ExecuteStatement",
                "{\"Statement\":\"SELECT * FROM tbl WHERE pk=?\"," + "\"Parameters\":[" + deepList + "]}"));
        assertValidation(http.post(DDB + "GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":" + deep + "}}"));
        assertValidation(http.post(
                DDB + "Query",
                "{\"TableName\":\"tbl\",\"KeyConditionExpression\":\"pk = :p\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}},\"ExclusiveStartKey\":{\"pk\":" + deep
                        + "}}"));
    }

    @Test
    void jsonNestedPastTheParsersLimitIsASerializationException() {
        String deep = "{\"L\":[".repeat(5_000) + "{\"S\":\"x\"}" + "]}".repeat(5_000);
        HttpResponse<byte[]> response = http.post(
                DDB + "ExecuteStatement",
                "{\"Statement\":\"SELECT * FROM tbl WHERE pk=?\",\"Parameters\":[" + deep + "]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.text(response)).contains("SerializationException");
    }

    @Test
    void deeplyNestedExpressionsAreValidationErrors() {
        String condition = "(".repeat(1500) + "pk = :v" + ")".repeat(1500);
        assertValidation(http.post(
                DDB + "Scan",
                "{\"TableName\":\"tbl\",\"FilterExpression\":\"" + condition
                        + "\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"a\"}}}"));
        String path = "a" + ".b".repeat(1500);
        assertValidation(http.post(
                DDB + "GetItem",
                "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}}," + "\"ProjectionExpression\":\"" + path
                        + "\"}"));
    }

    private static void assertMalformed(String statement) {
        HttpResponse<byte[]> response = executeStatement(statement);
        assertThat(response.statusCode()).as(statement.substring(0, 60)).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .isEqualTo("{\"__type\":\"" + VALIDATION + "\",\"message\":\""
                        + "Statement wasn't well formed, can't be processed: " + statement + "\"}");
    }

    private static void assertValidation(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(RawHttp.text(response)).isEqualTo(400);
        assertThat(RawHttp.text(response)).startsWith("{\"__type\":\"" + VALIDATION + "\"");
    }

    private static HttpResponse<byte[]> executeStatement(String statement) {
        return http.post(DDB + "ExecuteStatement", "{\"Statement\":\"" + statement + "\"}");
    }
}
