package dev.singletable.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Base of the PartiQL differential scenarios: the same request goes to {@link PartiqlExecutor} over one DynamoDB Local
 * and natively to a second DynamoDB Local holding the same data; a caller must observe the same thing.
 */
abstract class PartiqlDifferentialTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected final DynamoDbClient target = TwoLocals.target();
    protected final DynamoDbClient oracle = TwoLocals.oracle();
    protected final PartiqlExecutor executor = new PartiqlExecutor(target);

    protected static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet();
    }

    protected void onBoth(Consumer<DynamoDbClient> setup) {
        setup.accept(target);
        setup.accept(oracle);
    }

    protected static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    protected static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    protected static ExecuteStatementRequest statement(String statement, AttributeValue... parameters) {
        ExecuteStatementRequest.Builder b = ExecuteStatementRequest.builder().statement(statement);
        if (parameters.length > 0) {
            b.parameters(Arrays.asList(parameters));
        }
        return b.build();
    }

    protected Observed same(String statement, AttributeValue... parameters) {
        return same(statement(statement, parameters));
    }

    protected Observed same(ExecuteStatementRequest r) {
        return compare(
                Observed.of(() -> executor.executeStatement(r)), Observed.of(() -> oracle.executeStatement(r)), false);
    }

    protected Observed sameIgnoringOrder(String statement, AttributeValue... parameters) {
        ExecuteStatementRequest r = statement(statement, parameters);
        return compare(
                Observed.of(() -> executor.executeStatement(r)), Observed.of(() -> oracle.executeStatement(r)), true);
    }

    protected Observed sameBatch(BatchExecuteStatementRequest r) {
        return compare(
                Observed.of(() -> executor.batchExecuteStatement(r)),
                Observed.of(() -> oracle.batchExecuteStatement(r)),
                false);
    }

    protected Observed sameBatch(String... statements) {
        List<BatchStatementRequest> list = new ArrayList<>();
        for (String st : statements) {
            list.add(BatchStatementRequest.builder().statement(st).build());
        }
        return sameBatch(BatchExecuteStatementRequest.builder().statements(list).build());
    }

    protected Observed sameTransaction(ExecuteTransactionRequest r) {
        return compare(
                Observed.of(() -> executor.executeTransaction(r)),
                Observed.of(() -> oracle.executeTransaction(r)),
                false);
    }

    protected Observed sameTransaction(String... statements) {
        List<ParameterizedStatement> list = new ArrayList<>();
        for (String st : statements) {
            list.add(ParameterizedStatement.builder().statement(st).build());
        }
        return sameTransaction(
                ExecuteTransactionRequest.builder().transactStatements(list).build());
    }

    /** Follows NextToken to the end on both sides and compares the pages one by one. */
    protected List<Object> samePages(ExecuteStatementRequest first) {
        List<Object> ours = pages(first, executor::executeStatement);
        List<Object> theirs = pages(first, oracle::executeStatement);
        assertThat(ours).isEqualTo(theirs);
        return ours;
    }

    private static List<Object> pages(
            ExecuteStatementRequest first, Function<ExecuteStatementRequest, ExecuteStatementResponse> call) {
        List<Object> pages = new ArrayList<>();
        ExecuteStatementRequest r = first;
        for (int i = 0; i < 100; i++) {
            ExecuteStatementResponse page = call.apply(r);
            pages.add(Observed.render(page.items()));
            if (page.nextToken() == null) {
                return pages;
            }
            r = r.toBuilder().nextToken(page.nextToken()).build();
        }
        throw new AssertionError("more than 100 pages");
    }

    private static Observed compare(Observed ours, Observed theirs, boolean unordered) {
        if (theirs.isError()) {
            assertThat(ours.isError())
                    .as(
                            "DynamoDB Local failed with %s: %s, we answered %s",
                            theirs.errorCode(), theirs.message(), ours.value())
                    .isTrue();
            assertThat(ours.errorCode())
                    .as("error code (our message: %s)", ours.message())
                    .isEqualTo(theirs.errorCode());
            assertThat(ours.message()).as("message").isEqualTo(theirs.message());
            assertThat(ours.value()).as("error members").isEqualTo(theirs.value());
            return ours;
        }
        assertThat(ours.isError())
                .as(
                        "we failed with %s: %s, DynamoDB Local answered %s",
                        ours.errorCode(), ours.message(), theirs.value())
                .isFalse();
        if (unordered) {
            assertThat(sorted(ours.value())).isEqualTo(sorted(theirs.value()));
        } else {
            assertThat(ours.value()).isEqualTo(theirs.value());
        }
        return ours;
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(sorted(v)));
            out.sort(Comparator.comparing(String::valueOf));
            return out;
        }
        return o;
    }

    // ---- tables

    /** A table keyed by string {@code pk} only, on both sides. */
    protected String hashTable() {
        String name = unique("Hash");
        onBoth(c -> c.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", "S"))
                .keySchema(key("pk", KeyType.HASH))));
        return name;
    }

    /**
     * A table keyed by {@code pk} (S) and {@code sk} (N), with a GSI {@code byG} on g/sk (ALL), a GSI {@code gKeys}
     * on g (KEYS_ONLY) and an LSI {@code byL} on pk/l (KEYS_ONLY).
     */
    protected String compositeTable() {
        String name = unique("Comp");
        onBoth(c -> c.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", "S"), attr("sk", "N"), attr("g", "S"), attr("l", "S"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName("byG")
                                .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.ALL)
                                        .build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName("gKeys")
                                .keySchema(key("g", KeyType.HASH))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.KEYS_ONLY)
                                        .build())
                                .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build())));
        return name;
    }

    /** Puts the same item on both sides. */
    protected void put(String table, Map<String, AttributeValue> item) {
        onBoth(c -> c.putItem(b -> b.tableName(table).item(item)));
    }

    /** Items p0..p{parts-1} × sk 0..{perPart-1} with g, l and v attributes. */
    protected void fillComposite(String table, int parts, int perPart) {
        for (int i = 0; i < parts; i++) {
            for (int j = 0; j < perPart; j++) {
                put(
                        table,
                        Map.of(
                                "pk",
                                s("p" + i),
                                "sk",
                                n(String.valueOf(j)),
                                "g",
                                s("g" + (j % 2)),
                                "l",
                                s("l" + (perPart - j)),
                                "v",
                                s("v" + i + j)));
            }
        }
    }

    /** Items k0..k{count-1} with a number, a name and a nested map holding a list. */
    protected void fillHash(String table, int count) {
        for (int i = 0; i < count; i++) {
            put(
                    table,
                    Map.of(
                            "pk",
                            s("k" + i),
                            "n",
                            n(String.valueOf(i)),
                            "name",
                            s("name" + i),
                            "m",
                            AttributeValue.fromM(Map.of(
                                    "a",
                                    n(String.valueOf(i)),
                                    "b",
                                    AttributeValue.fromL(List.of(s("x"), s("y" + i)))))));
        }
    }

    private static AttributeDefinition attr(String name, String type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
