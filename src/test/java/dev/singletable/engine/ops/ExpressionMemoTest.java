package dev.singletable.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link ExpressionMemo}: a remembered compilation answers exactly as a fresh one. Seeded random actions (seed
 * 20261205) of conditions and updates over a small language, with names and values that fit, miss or are invalid: the
 * memo's answer on a first call (compiled) and on a second (remembered) and a fresh compilation either fail with the
 * same message or evaluate every seeded random item the same way.
 */
class ExpressionMemoTest {

    private static final List<String> CONDITIONS = List.of(
            "attribute_not_exists(#pk)",
            "attribute_exists(#pk) AND #a >= :v",
            "#a = :v OR size(#b) > :w",
            "begins_with(#b, :s)",
            "#a BETWEEN :v AND :w",
            "NOT contains(#b, :s)",
            "#a < :v AND attribute_type(#b, :t)",
            "#a = :missing");
    private static final List<String> UPDATES = List.of(
            "SET #a = #a - :v", "ADD #a :v", "SET #a = :v REMOVE #c", "SET #b = if_not_exists(#b, :s)", "SET #a = :x");

    private final ExpressionMemo memo = new ExpressionMemo();

    @Test
    void aRememberedCompilationAnswersAsAFreshOne() {
        Random random = new Random(20261205);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item(random));
        }
        int compiled = 0;
        for (int round = 0; round < 600; round++) {
            boolean update = random.nextBoolean();
            String updateText = update ? UPDATES.get(random.nextInt(UPDATES.size())) : null;
            String condition =
                    random.nextInt(4) == 0 && update ? null : CONDITIONS.get(random.nextInt(CONDITIONS.size()));
            String texts = (updateText == null ? "" : updateText) + " " + (condition == null ? "" : condition);
            Map<String, String> names = names(random, texts);
            Map<String, AttributeValue> values = values(random, texts);
            ExpressionMemo.Key key =
                    new ExpressionMemo.Key(update ? "Update" : "Put", updateText, condition, names, values);
            Supplier<RequestExpressions.Compiled> fresh = () -> {
                RequestExpressions expressions = RequestExpressions.of(names != null, names, values != null, values);
                if (update) {
                    expressions.expressionRequired().update(updateText, null);
                }
                return expressions.condition(condition, null).compile();
            };
            Outcome expected = outcome(fresh, items);
            assertThat(outcome(() -> memo.compile(key, fresh), items)).isEqualTo(expected);
            assertThat(outcome(() -> memo.compile(key, fresh), items)).isEqualTo(expected);
            compiled += expected.error() == null ? 1 : 0;
        }
        assertThat(compiled).as("the seeds reach valid actions").isGreaterThan(60);
    }

    @Test
    void aRememberedConditionIsEvaluatedAgainstEachItemAsItIsNow() {
        DynamoDbClient dynamo = EmbeddedEngine.inMemory().dynamoDbClient();
        dynamo.createTable(b -> b.tableName("memo")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        dynamo.putItem(r -> r.tableName("memo").item(Map.of("pk", s("stock"), "n", n("3"))));
        // the same two actions three times: the second finds the stock short, the third the key taken too
        for (int i = 0; i < 3; i++) {
            String orderKey = i == 2 ? "o1" : "o" + (i + 1);
            Runnable order = () -> dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .update(u -> u.tableName("memo")
                                    .key(Map.of("pk", s("stock")))
                                    .updateExpression("SET #n = #n - :q")
                                    .conditionExpression("#n >= :q")
                                    .expressionAttributeNames(Map.of("#n", "n"))
                                    .expressionAttributeValues(Map.of(":q", n("2"))))
                            .build(),
                    TransactWriteItem.builder()
                            .put(p -> p.tableName("memo")
                                    .item(Map.of("pk", s(orderKey)))
                                    .conditionExpression("attribute_not_exists(#pk)")
                                    .expressionAttributeNames(Map.of("#pk", "pk")))
                            .build()));
            if (i == 0) {
                order.run();
            } else {
                List<String> expected = i == 1
                        ? List.of("ConditionalCheckFailed", "None")
                        : List.of("ConditionalCheckFailed", "ConditionalCheckFailed");
                assertThatThrownBy(order::run)
                        .isInstanceOfSatisfying(
                                TransactionCanceledException.class, e -> assertThat(e.cancellationReasons().stream()
                                                .map(reason -> reason.code())
                                                .toList())
                                        .isEqualTo(expected));
            }
        }
        assertThat(dynamo.getItem(r -> r.tableName("memo").key(Map.of("pk", s("stock"))))
                        .item()
                        .get("n"))
                .isEqualTo(n("1"));
    }

    /** What a compilation did: its error message, or what it made of every item. */
    private record Outcome(@Nullable String error, List<String> results) {}

    private static Outcome outcome(
            Supplier<RequestExpressions.Compiled> compile, List<Map<String, AttributeValue>> items) {
        RequestExpressions.Compiled compiled;
        try {
            compiled = compile.get();
        } catch (RuntimeException e) {
            return new Outcome(message(e), List.of());
        }
        List<String> results = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            ConditionExpr condition = compiled.condition();
            UpdateExpr update = compiled.update();
            results.add(condition == null ? "-" : Boolean.toString(condition.test(item)));
            try {
                results.add(update == null ? "-" : update.apply(item).toString());
            } catch (RuntimeException e) {
                results.add(message(e));
            }
        }
        return new Outcome(null, results);
    }

    /** An error as the client sees it (a service error's request id differs on every call). */
    private static String message(RuntimeException e) {
        return e.getClass().getSimpleName() + ": "
                + (e instanceof AwsServiceException service
                        ? service.awsErrorDetails().errorMessage()
                        : e.getMessage());
    }

    /** Usually the names the texts use; sometimes one more, one fewer, or none sent. */
    private static @Nullable Map<String, String> names(Random random, String texts) {
        if (random.nextInt(12) == 0) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Matcher used = Pattern.compile("#\\w+").matcher(texts);
        while (used.find()) {
            names.put(used.group(), used.group().substring(1));
        }
        if (random.nextInt(8) == 0) {
            names.put("#c", "c");
        }
        if (random.nextInt(8) == 0 && !names.isEmpty()) {
            names.remove(names.keySet().iterator().next());
        }
        return Map.copyOf(names);
    }

    /** Usually the values the texts use, of random types; sometimes one more, one fewer, a list, or none sent. */
    private static @Nullable Map<String, AttributeValue> values(Random random, String texts) {
        if (random.nextInt(12) == 0) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Matcher used = Pattern.compile(":\\w+").matcher(texts);
        while (used.find()) {
            values.put(used.group(), value(random, used.group()));
        }
        if (random.nextInt(8) == 0) {
            values.put(":extra", n("1"));
        }
        if (random.nextInt(8) == 0 && !values.isEmpty()) {
            values.remove(values.keySet().iterator().next());
        }
        return values.isEmpty() && random.nextBoolean() ? null : Map.copyOf(values);
    }

    private static AttributeValue value(Random random, String placeholder) {
        return switch (random.nextInt(10)) {
            case 0 -> s("");
            case 1 -> AttributeValue.fromL(List.of(n("1")));
            case 2 -> s("ab".substring(0, 1 + random.nextInt(2)));
            case 3 -> s(random.nextBoolean() ? "N" : "S");
            case 4 -> n(random.nextInt(3) + ".0");
            default ->
                placeholder.equals(":s") || placeholder.equals(":t")
                        ? s(random.nextBoolean() ? "a" : "N")
                        : n(Integer.toString(random.nextInt(5)));
        };
    }

    private static Map<String, AttributeValue> item(Random random) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (random.nextInt(4) != 0) {
            item.put("pk", s("k" + random.nextInt(3)));
        }
        if (random.nextInt(3) != 0) {
            item.put("a", random.nextInt(5) == 0 ? s("a") : n(Integer.toString(random.nextInt(6))));
        }
        if (random.nextInt(3) != 0) {
            item.put("b", random.nextBoolean() ? s("abc".substring(0, random.nextInt(4))) : n("7"));
        }
        if (random.nextBoolean()) {
            item.put("c", s("c"));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
