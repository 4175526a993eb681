package dev.singletable.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.singletable.engine.value.AttributeValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The legacy parameters (Expected, ScanFilter, AttributeUpdates, KeyConditions, AttributesToGet) through DynamoDB
 * Local and through the engine. Each line of legacy.jsonl has "op" (expected, filter, update, keys, get) and the
 * parameter in wire JSON.
 */
class LegacyDifferentialTest {

    private static final String ITEM = "{\"pk\":{\"S\":\"k\"},\"sk\":{\"S\":\"r\"},\"n\":{\"N\":\"5\"},"
            + "\"s\":{\"S\":\"abc\"},\"ss\":{\"SS\":[\"a\",\"b\"]},\"l\":{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]},"
            + "\"m\":{\"M\":{\"a\":{\"N\":\"1\"}}},\"ns\":{\"NS\":[\"1\",\"2\"]}}";

    @TestFactory
    Stream<DynamicTest> legacy() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("legacy.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = DynamoJson.parse(line);
                String name = "legacy.jsonl:" + n + " " + line;
                tests.add(DynamicTest.dynamicTest(name.length() > 150 ? name.substring(0, 150) : name, () -> {
                    String local = local(c);
                    String engine = engine(c);
                    assertThat(ExpressionDifferentialTest.sameOutcome(local, engine))
                            .as("DynamoDB Local: %s%nengine:         %s", local, engine)
                            .isTrue();
                }));
            }
        }
        return tests.stream();
    }

    private static Map<String, AttributeValue> item(JsonNode c) {
        return DynamoJson.item(c.has("item") ? c.get("item") : DynamoJson.parse(ITEM));
    }

    private static String op(JsonNode c) {
        return c.has("cop") ? c.get("cop").asText() : null;
    }

    private static String local(JsonNode c) {
        LocalOracle o = LocalOracle.get();
        JsonNode p = c.get("p");
        switch (c.get("op").asText()) {
            case "expected":
                return o.expected(item(c), LegacyJson.expected(p), op(c));
            case "filter":
                return o.scanFilter(item(c), LegacyJson.conditions(p), op(c));
            case "update":
                return o.attributeUpdates(item(c), LegacyJson.updates(p));
            case "keys":
                return o.keyConditions(
                        c.has("table") ? c.get("table").asText() : LocalOracle.RANGED, LegacyJson.conditions(p));
            default:
                return o.attributesToGet(item(c), LegacyJson.strings(p));
        }
    }

    private static String engine(JsonNode c) {
        JsonNode p = c.get("p");
        ConditionalOperator op = op(c) == null ? null : ConditionalOperator.fromValue(op(c));
        Map<String, AttributeValue> item = AttributeValues.normalizeItem(item(c));
        try {
            switch (c.get("op").asText()) {
                case "expected":
                    return Legacy.condition(LegacyJson.expected(p), op).test(item) ? "TRUE" : "FALSE";
                case "filter":
                    return Legacy.filter(LegacyJson.conditions(p), op).test(item) ? "TRUE" : "FALSE";
                case "update":
                    return "OK "
                            + DynamoJson.json(
                                    Legacy.update(LegacyJson.updates(p)).apply(item));
                case "keys": {
                    boolean ranged = !c.has("table") || c.get("table").asText().equals(LocalOracle.RANGED);
                    Legacy.keyConditions(LegacyJson.conditions(p)).resolve("pk", ranged ? "sk" : null);
                    return "OK";
                }
                default:
                    return "OK "
                            + DynamoJson.json(Legacy.attributesToGet(LegacyJson.strings(p))
                                    .apply(item));
            }
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }
}
