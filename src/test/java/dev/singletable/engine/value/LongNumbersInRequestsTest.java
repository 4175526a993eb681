package dev.singletable.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.value.LongNumberFormsTest.SeededNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The fast path for long number strings (over 128 characters, {@code Numbers.parseLong}) answers in requests exactly
 * what the full path (BigDecimal) answers. Twin tables get the same seeded requests: one with each number in a short
 * form (at most 128 characters: the full path), the other with the same number written in a long form (leading or
 * trailing zeros, the point moved against the exponent, plain notation: the fast path). Every answer must be equal —
 * range-key sort order and key lookups, comparisons in conditions, key conditions and filters, arithmetic in
 * {@code SET v = v + :n}, {@code SET v = v - :n} and {@code ADD}, number sets — errors included.
 * {@code -Dnumbers.seed} repeats a run; {@code -Dnumbers.count} (default 1 000) sets its length.
 */
class LongNumbersInRequestsTest {

    private static final int ROUNDS = Integer.getInteger("numbers.count", 1_000) / 5;
    private static final String SHORT = "short";
    private static final String LONG = "long";
    private static final String[] CONDITIONS = {
        "v < :b",
        "v >= :b",
        "v = :b",
        "v <> :b",
        "v BETWEEN :a AND :b",
        "v IN (:a, :b)",
        "contains(ns, :b)",
        "sk > :b",
        "sk <= :a"
    };
    private static final String[] KEY_CONDITIONS = {
        "pk = :p AND sk BETWEEN :a AND :b", "pk = :p AND sk < :b", "pk = :p AND sk >= :a", "pk = :p AND sk = :a"
    };

    private static EmbeddedEngine engine;
    private static DynamoDbClient client;

    @BeforeAll
    static void open() {
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        client = engine.dynamoDbClient();
        for (String table : new String[] {SHORT, LONG}) {
            client.createTable(b -> b.tableName(table)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                            .keyType(KeyType.RANGE))
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void longFormsAnswerAsShortFormsInEveryNumberPath() {
        Random random = new Random(LongNumberFormsTest.SEED + 2);
        List<SeededNumber> numbers = new ArrayList<>();
        while (numbers.size() < 80) {
            SeededNumber number = SeededNumber.next(random);
            if (number.storable()) {
                numbers.add(number);
            }
        }
        // the items: the range key, a number attribute and a number set, each written in the table's form
        for (int i = 0; i < numbers.size(); i++) {
            SeededNumber n = numbers.get(i);
            SeededNumber other = numbers.get((i + 1) % numbers.size());
            twin(
                    random,
                    "PutItem " + n.shortForm(),
                    form -> () -> client.putItem(b -> b.tableName(form.table)
                                    .item(Map.of(
                                            "pk",
                                            s("p"),
                                            "sk",
                                            form.n(n),
                                            "v",
                                            form.n(n),
                                            "ns",
                                            AttributeValue.fromNs(List.of(form.text(n), form.text(other))))))
                            .attributes());
        }

        // range-key order: the same items in the same order both ways, and that order is the numbers' order
        List<Map<String, AttributeValue>> ascending =
                twin(random, "Query ascending", form -> () -> queryAll(form.table, true));
        twin(random, "Query descending", form -> () -> queryAll(form.table, false));
        List<BigDecimal> keys = ascending.stream()
                .map(item -> new BigDecimal(item.get("sk").n()))
                .toList();
        assertThat(keys).as("range keys in ascending order").isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(keys).as("items in the table").hasSizeGreaterThan(70);

        int failedConditions = 0;
        int arithmeticErrors = 0;
        for (int i = 0; i < ROUNDS; i++) {
            SeededNumber a = numbers.get(random.nextInt(numbers.size()));
            SeededNumber b = random.nextInt(8) == 0 ? a : numbers.get(random.nextInt(numbers.size()));
            String label = "a=" + a.shortForm() + " b=" + b.shortForm();

            twin(
                    random,
                    "GetItem " + label,
                    form -> () -> client.getItem(r -> r.tableName(form.table)
                                    .key(Map.of("pk", s("p"), "sk", form.n(a)))
                                    .consistentRead(true))
                            .item());
            for (String expression :
                    new String[] {"SET v = v + :b", "SET v = v - :b", "ADD v :b", "ADD ns :s", "DELETE ns :s"}) {
                Object answer = twin(
                        random,
                        expression + " " + label,
                        form -> () -> client.updateItem(r -> r.tableName(form.table)
                                        .key(Map.of("pk", s("p"), "sk", form.n(a)))
                                        .updateExpression(expression)
                                        .expressionAttributeValues(
                                                expression.contains(":s")
                                                        ? Map.of(":s", AttributeValue.fromNs(List.of(form.text(b))))
                                                        : Map.of(":b", form.n(b)))
                                        .returnValues(ReturnValue.UPDATED_NEW))
                                .attributes());
                arithmeticErrors += answer instanceof String ? 1 : 0;
            }
            String condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
            Object conditional = twin(
                    random,
                    condition + " " + label,
                    form -> () -> client.updateItem(r -> r.tableName(form.table)
                                    .key(Map.of("pk", s("p"), "sk", form.n(a)))
                                    .updateExpression("SET checked = :one")
                                    .conditionExpression(condition)
                                    .expressionAttributeValues(values(condition + " :one", form, a, b))
                                    .returnValues(ReturnValue.ALL_NEW))
                            .attributes());
            failedConditions += conditional instanceof String ? 1 : 0;
            String keyCondition = KEY_CONDITIONS[random.nextInt(KEY_CONDITIONS.length)];
            twin(
                    random,
                    keyCondition + " " + label,
                    form -> () -> client.query(r -> r.tableName(form.table)
                                    .consistentRead(true)
                                    .keyConditionExpression(keyCondition)
                                    .expressionAttributeValues(values(keyCondition, form, a, b)))
                            .items());
            if (i % 4 == 0) {
                twin(
                        random,
                        "Scan v > :b " + label,
                        form -> () -> client.scan(r -> r.tableName(form.table)
                                        .consistentRead(true)
                                        .filterExpression("v > :b")
                                        .expressionAttributeValues(Map.of(":b", form.n(b))))
                                .items());
            }
        }
        // the seeded set reaches both answers of the conditions and the errors of the arithmetic
        assertThat(failedConditions).as("conditions that failed").isBetween(ROUNDS / 20, ROUNDS - ROUNDS / 20);
        assertThat(arithmeticErrors)
                .as("updates answered with an error (overflow, precision, type)")
                .isPositive();
    }

    /** Which form of the numbers one table's requests are written in (a long form is picked at random). */
    private record Form(String table, Random random) {

        String text(SeededNumber n) {
            return table.equals(SHORT) ? n.shortForm() : n.anyLongForm(random);
        }

        AttributeValue n(SeededNumber n) {
            return AttributeValue.fromN(text(n));
        }
    }

    /**
     * Runs one request against both tables, each written in its form, and asserts equal answers (the result, or the
     * error's type and message); returns the answer (an error as a String).
     */
    private static <T> T twin(Random random, String what, Function<Form, Supplier<T>> request) {
        Object onShort = answer(request.apply(new Form(SHORT, random)));
        Object onLong = answer(request.apply(new Form(LONG, random)));
        assertThat(onLong).as("%s (seed %d)", what, LongNumberFormsTest.SEED).isEqualTo(onShort);
        @SuppressWarnings("unchecked")
        T out = (T) onShort;
        return out;
    }

    private static Object answer(Supplier<?> call) {
        try {
            return call.get();
        } catch (DynamoDbException e) {
            return e.getClass().getSimpleName() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    private static Map<String, AttributeValue> values(String expression, Form form, SeededNumber a, SeededNumber b) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        if (expression.contains(":a")) {
            values.put(":a", form.n(a));
        }
        if (expression.contains(":b")) {
            values.put(":b", form.n(b));
        }
        if (expression.contains(":p")) {
            values.put(":p", s("p"));
        }
        if (expression.contains(":one")) {
            values.put(":one", AttributeValue.fromN("1"));
        }
        return values;
    }

    private static List<Map<String, AttributeValue>> queryAll(String table, boolean forward) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .scanIndexForward(forward)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))))
                .items()
                .forEach(items::add);
        return items;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
