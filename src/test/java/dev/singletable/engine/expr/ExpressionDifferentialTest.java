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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Runs every case of the case files through DynamoDB Local and through the engine and expects the same outcome:
 * the same boolean, the same resulting item or the same error message. Each line of a case file is one JSON case
 * with "expr" and optional "item", "names", "values" (DynamoDB JSON). Where DynamoDB Local is known to word an
 * error differently from AWS, {@link #sameOutcome} accepts AWS's wording (see docs in that method).
 */
class ExpressionDifferentialTest {

    private static final String DEFAULT_ITEM = "{\"pk\":{\"S\":\"k\"},\"a\":{\"N\":\"1\"},\"s\":{\"S\":\"abc\"},"
            + "\"n\":{\"N\":\"5\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"N\":\"3\"}]},"
            + "\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"M\":{\"c\":{\"S\":\"x\"}}}}},"
            + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]},\"bs\":{\"BS\":[\"AQ==\"]},"
            + "\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"bin\":{\"B\":\"AAECAw==\"}}";

    @TestFactory
    Stream<DynamicTest> conditions() throws IOException {
        return cases("conditions.jsonl", c -> {
            Map<String, AttributeValue> item = item(c);
            boolean absent = c.has("absent");
            return new String[] {
                absent
                        ? LocalOracle.get().conditionOnAbsentItem(item, text(c, "expr"), names(c), values(c))
                        : LocalOracle.get().condition(item, text(c, "expr"), names(c), values(c)),
                engine(() -> {
                    ExpressionContext ctx = new ExpressionContext(names(c), values(c));
                    ConditionExpr cond = Expressions.condition(text(c, "expr"), "ConditionExpression", ctx);
                    ctx.verifyAllUsed();
                    Map<String, AttributeValue> subject = absent ? Map.of() : AttributeValues.normalizeItem(item);
                    return cond.test(subject) ? "TRUE" : "FALSE";
                })
            };
        });
    }

    @TestFactory
    Stream<DynamicTest> updates() throws IOException {
        return cases("updates.jsonl", c -> {
            Map<String, AttributeValue> item = item(c);
            ReturnValue rv = c.has("rv") ? ReturnValue.fromValue(text(c, "rv")) : ReturnValue.ALL_NEW;
            return new String[] {
                LocalOracle.get().update(item, text(c, "expr"), names(c), values(c), rv),
                engine(() -> {
                    ExpressionContext ctx = new ExpressionContext(names(c), values(c));
                    UpdateExpr update = Expressions.update(text(c, "expr"), ctx);
                    ctx.verifyAllUsed();
                    Map<String, AttributeValue> old = AttributeValues.normalizeItem(item);
                    Map<String, AttributeValue> updated = update.apply(old);
                    Map<String, AttributeValue> out;
                    switch (rv) {
                        case UPDATED_OLD:
                            out = update.projectUpdated(old);
                            break;
                        case UPDATED_NEW:
                            out = update.projectUpdated(updated);
                            break;
                        default:
                            out = updated;
                    }
                    return "OK " + DynamoJson.json(out);
                })
            };
        });
    }

    @TestFactory
    Stream<DynamicTest> projections() throws IOException {
        return cases("projections.jsonl", c -> {
            Map<String, AttributeValue> item = item(c);
            return new String[] {
                LocalOracle.get().projection(item, text(c, "expr"), names(c)),
                engine(() -> {
                    ExpressionContext ctx = new ExpressionContext(names(c), null);
                    ProjectionExpr p = Expressions.projection(text(c, "expr"), ctx);
                    ctx.verifyAllUsed();
                    return "OK " + DynamoJson.json(p.apply(AttributeValues.normalizeItem(item)));
                })
            };
        });
    }

    @TestFactory
    Stream<DynamicTest> keyConditions() throws IOException {
        return cases("keyconditions.jsonl", c -> {
            boolean ranged = !c.has("table") || text(c, "table").equals(LocalOracle.RANGED);
            return new String[] {
                LocalOracle.get()
                        .keyCondition(
                                ranged ? LocalOracle.RANGED : LocalOracle.ITEMS, text(c, "expr"), names(c), values(c)),
                engine(() -> {
                    ExpressionContext ctx = new ExpressionContext(names(c), values(c));
                    KeyConditionExpr k = Expressions.keyCondition(text(c, "expr"), ctx);
                    ctx.verifyAllUsed();
                    k.resolve("pk", ranged ? "sk" : null);
                    return "OK";
                })
            };
        });
    }

    /** Known wording differences: DynamoDB Local's message on the left, what AWS (and the engine) says. */
    static boolean sameOutcome(String local, String engine) {
        if (local.equals(engine)) {
            return true;
        }
        // AWS names the missing key attribute, DynamoDB Local does not
        if (local.equals("ERR Query condition missed key schema element")) {
            return engine.startsWith(local + ": ");
        }
        // the type set of an attribute_type() operand that is a path is printed in hash-set order, which varies
        String anyType =
                "ERR Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: attribute_type, operand type: {";
        if (local.startsWith(anyType)) {
            return engine.startsWith(anyType);
        }
        // AWS reports an arithmetic result with more than 38 digits as an overflow (see the fidelity notes)
        if (local.equals("ERR DynamoDB only supports precision up to 38 digits")) {
            return engine.equals("ERR Number overflow. Attempting to store a number with magnitude larger than "
                    + "supported range");
        }
        // AWS words a repeated AttributesToGet name differently (ScyllaDB Alternator's AWS-verified tests)
        if (local.equals("ERR Cannot have two attributes with the same name")) {
            return engine.startsWith(
                    "ERR One or more parameter values were invalid: Duplicate value in attribute name: ");
        }
        // AWS ends the string-set duplicates message with a period
        if (local.startsWith("ERR One or more parameter values were invalid: Input collection [")) {
            return engine.equals(local + ".");
        }
        return false;
    }

    private interface Engine {
        String run();
    }

    private static String engine(Engine e) {
        try {
            return e.run();
        } catch (DynamoDbException ex) {
            return "ERR " + ex.awsErrorDetails().errorMessage();
        }
    }

    private static Stream<DynamicTest> cases(String file, Function<JsonNode, String[]> run) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = ExpressionDifferentialTest.class.getResourceAsStream(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("//")) {
                    continue;
                }
                JsonNode c = DynamoJson.parse(line);
                String name =
                        file + ":" + n + " " + (c.has("expr") ? c.get("expr").asText() : "");
                tests.add(DynamicTest.dynamicTest(name.length() > 120 ? name.substring(0, 120) : name, () -> {
                    String[] outcomes = run.apply(c);
                    assertThat(sameOutcome(outcomes[0], outcomes[1]))
                            .as("DynamoDB Local: %s%nengine:         %s", outcomes[0], outcomes[1])
                            .isTrue();
                }));
            }
        }
        return tests.stream();
    }

    private static Map<String, AttributeValue> item(JsonNode c) {
        return DynamoJson.item(c.has("item") ? c.get("item") : DynamoJson.parse(DEFAULT_ITEM));
    }

    private static Map<String, String> names(JsonNode c) {
        return DynamoJson.names(c.get("names"));
    }

    private static Map<String, AttributeValue> values(JsonNode c) {
        return DynamoJson.item(c.get("values"));
    }

    private static String text(JsonNode c, String field) {
        return c.get(field).asText();
    }
}
