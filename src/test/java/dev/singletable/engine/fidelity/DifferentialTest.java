package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Base of the differential suite: each scenario runs the same requests against the bundled engine and against DynamoDB
 * Local and asserts that a caller would observe the same thing. Where DynamoDB Local is known to differ from AWS, the
 * scenario says so with {@link #awsDiffers}, asserts AWS's documented behaviour on our engine, and docs/fidelity.md
 * lists the case.
 */
public abstract class DifferentialTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Response members that legitimately differ between any two DynamoDB endpoints (times, ids, ARNs). */
    protected static final Set<String> VOLATILE = Set.of(
            "CreationDateTime",
            "TableArn",
            "TableId",
            "LatestStreamArn",
            "LatestStreamLabel",
            "IndexArn",
            "LastIncreaseDateTime",
            "LastDecreaseDateTime",
            "LastUpdateToPayPerRequestDateTime",
            "NumberOfDecreasesToday",
            "BillingModeSummary",
            "TableClassSummary",
            "DeletionProtectionEnabled",
            "WarmThroughput",
            "OnDemandThroughput",
            "StreamArn",
            "SSEDescription",
            "IndexSizeBytes",
            "ItemCount",
            "TableSizeBytes",
            "ConsumedCapacity",
            "ItemCollectionMetrics");

    /**
     * Messages of DynamoDB Local that AWS words differently; our engine answers with AWS's. An ExclusiveStartKey with
     * too few or too many attributes is "The provided starting key is invalid" on AWS (as quoted by ScyllaDB's
     * DynamoDB-compatibility tests, which run against AWS: test_query.py, test_gsi.py); docs/fidelity.md lists both.
     */
    private static final Map<String, String> LOCAL_TO_AWS = Map.of(
            "Cannot do operations on a non-existent table", "Requested resource not found",
            "Exclusive Start Key must have same size as table's key schema", "The provided starting key is invalid");

    protected final DynamoDbClient ours = Oracle.ours();
    protected final DynamoDbClient local = Oracle.local();

    /** A table name no other scenario uses. */
    protected static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }

    /** DynamoDB JSON with single quotes, e.g. {@code item("{'pk':{'S':'a'}}")}. */
    protected static Map<String, AttributeValue> item(String json) {
        return Json.item(json);
    }

    protected static AttributeValue av(String json) {
        return Json.av(json);
    }

    protected static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    protected static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    protected static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    protected static KeySchemaElement hashKey(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    protected static KeySchemaElement rangeKey(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }

    /** Creates an on-demand table with a fresh name on both engines; spec adds key schema, indexes... */
    protected String createTable(Consumer<CreateTableRequest.Builder> spec) {
        String name = uniqueName(getClass().getSimpleName());
        onBoth(c -> c.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            spec.accept(b);
        }));
        return name;
    }

    /** A table keyed by one partition key. */
    protected String hashTable(String hash, ScalarAttributeType type) {
        return createTable(b -> b.attributeDefinitions(attr(hash, type)).keySchema(hashKey(hash)));
    }

    /** A table keyed by a partition key and a sort key. */
    protected String hashRangeTable(
            String hash, ScalarAttributeType hashType, String range, ScalarAttributeType rangeType) {
        return createTable(b -> b.attributeDefinitions(attr(hash, hashType), attr(range, rangeType))
                .keySchema(hashKey(hash), rangeKey(range)));
    }

    /** Puts the same items (DynamoDB JSON) into a table on both engines. */
    protected void putAll(String table, String... itemsJson) {
        for (String json : itemsJson) {
            Map<String, AttributeValue> i = item(json);
            onBoth(c -> c.putItem(r -> r.tableName(table).item(i)));
        }
    }

    /** Runs set-up requests on both engines; both must succeed. */
    protected void onBoth(Consumer<DynamoDbClient> setup) {
        setup.accept(ours);
        setup.accept(local);
    }

    /** Asserts both engines answer alike and returns our answer. */
    protected Outcome same(Function<DynamoDbClient, ?> call) {
        return compare(call, VOLATILE, false);
    }

    /** Like {@link #same} but list members (Items of a Scan, say) are compared as multisets. */
    protected Outcome sameIgnoringOrder(Function<DynamoDbClient, ?> call) {
        return compare(call, VOLATILE, true);
    }

    protected Outcome sameIgnoring(Set<String> moreIgnored, Function<DynamoDbClient, ?> call) {
        Set<String> ignored = new HashSet<>(VOLATILE);
        ignored.addAll(moreIgnored);
        return compare(call, ignored, false);
    }

    /** Like {@link #same} but ConsumedCapacity is compared too (it is volatile elsewhere). */
    protected Outcome sameWithCapacity(Function<DynamoDbClient, ?> call) {
        Set<String> ignored = new HashSet<>(VOLATILE);
        ignored.remove("ConsumedCapacity");
        return compare(call, ignored, false);
    }

    /**
     * A case where DynamoDB Local is known to differ from AWS: our engine must fail with AWS's error code and message
     * and Local must fail too (with its own wording).
     */
    protected void awsDiffers(Function<DynamoDbClient, ?> call, String awsErrorCode, String awsMessage) {
        Outcome mine = run(ours, call, VOLATILE);
        Outcome theirs = run(local, call, VOLATILE);
        ScenarioCount.record(true);
        assertThat(theirs.isError())
                .as("DynamoDB Local should fail too, it answered %s", theirs.value())
                .isTrue();
        assertThat(mine.errorCode()).as("error code").isEqualTo(awsErrorCode);
        assertThat(mine.message()).as("message").isEqualTo(awsMessage);
    }

    /**
     * Like {@link #awsDiffers} for messages that quote the request (Smithy shape errors): ours must match the regular
     * expression.
     */
    protected void awsDiffersLike(Function<DynamoDbClient, ?> call, String awsErrorCode, String awsMessageRegex) {
        Outcome mine = run(ours, call, VOLATILE);
        Outcome theirs = run(local, call, VOLATILE);
        ScenarioCount.record(true);
        assertThat(theirs.isError())
                .as("DynamoDB Local should fail too, it answered %s", theirs.value())
                .isTrue();
        assertThat(mine.errorCode()).as("error code").isEqualTo(awsErrorCode);
        assertThat(mine.message())
                .as("message")
                .matches(java.util.regex.Pattern.compile(awsMessageRegex, java.util.regex.Pattern.DOTALL));
    }

    /** A case where our engine follows AWS and DynamoDB Local succeeds or answers otherwise: only ours is checked. */
    protected Outcome oursOnly(Function<DynamoDbClient, ?> call) {
        Outcome mine = run(ours, call, VOLATILE);
        ScenarioCount.record(mine.isError());
        return mine;
    }

    private Outcome compare(Function<DynamoDbClient, ?> call, Set<String> ignored, boolean unordered) {
        Outcome mine = run(ours, call, ignored);
        Outcome theirs = run(local, call, ignored);
        ScenarioCount.record(theirs.isError());
        if (theirs.isError()) {
            String expectedMessage = LOCAL_TO_AWS.getOrDefault(theirs.message(), theirs.message());
            if (!mine.isError()) {
                fail(
                        "DynamoDB Local failed with %s: %s but our engine answered %s",
                        theirs.errorCode(), theirs.message(), mine.value());
            }
            assertThat(mine.errorCode())
                    .as("error code (message: %s)", mine.message())
                    .isEqualTo(theirs.errorCode());
            assertThat(mine.message()).as("message").isEqualTo(expectedMessage);
            assertThat(mine.status()).as("status").isEqualTo(theirs.status());
            assertThat(mine.value()).as("error members").isEqualTo(theirs.value());
            return mine;
        }
        if (mine.isError()) {
            fail(
                    "our engine failed with %s: %s but DynamoDB Local answered %s",
                    mine.errorCode(), mine.message(), theirs.value());
        }
        if (unordered) {
            assertThat(sortLists(mine.value())).isEqualTo(sortLists(theirs.value()));
        } else {
            assertThat(mine.value()).isEqualTo(theirs.value());
        }
        return mine;
    }

    private static Outcome run(DynamoDbClient client, Function<DynamoDbClient, ?> call, Set<String> ignored) {
        try {
            return Outcome.success(call.apply(client), ignored);
        } catch (AwsServiceException e) {
            return Outcome.failure(e, ignored);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sortLists(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sortLists(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(sortLists(v)));
            out.sort(java.util.Comparator.comparing(String::valueOf));
            return out;
        }
        return o;
    }
}
