package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A bounded, seeded fuzzer of the engine's wire port (issue #17): mutations of a valid request of every operation the
 * port serves — wrong JSON types at every level, nulls, deep nesting, huge numbers and strings, broken base64, gzip
 * and JSON, missing and unknown targets, bodies of another operation — sent over HTTP to a real engine. No answer
 * may be a 5xx or take longer than 5 s, and the engine must answer correctly afterwards. The one 5xx allowed is
 * AWS's own: a 500 InternalServerError for a body its Content-Encoding does not decode (docs/fidelity.md, "Wire
 * details").
 * <p>
 * {@code ./mvnw verify} sends {@value #DEFAULT_COUNT} requests; a longer run:
 * {@code ./mvnw -o test-compile surefire:test@default-test -Dtest='WireFuzzTest#mutated*' -Dfuzz.count=200000
 * -Dfuzz.seed=42} (the seed of every run is printed; a failure names the request that caused it; docs/operations.md).
 */
class WireFuzzTest {

    static final int DEFAULT_COUNT = 3000;
    /** Fixed, so that verify sends the same requests on every machine; {@code -Dfuzz.seed} explores others. */
    static final long DEFAULT_SEED = 20261205L;

    private static final String DDB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    /** The fuzzer writes documents far deeper than Jackson's defaults allow: it must, to test the server's limit. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(100_000)
                    .build())
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(100_000)
                    .build())
            .build());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @Test
    void mutatedRequestsOfEveryOperationGetNoServerErrorAndLeaveTheEngineWorking() throws Exception {
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.println(
                "WireFuzzTest: " + count + " requests, seed " + seed + " (-Dfuzz.seed=" + seed + " to repeat)");
        Random random = new Random(seed);
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false))) {
            WireServer server = WireServer.start(
                    WireServerOptions.defaults().withInlineReads(true),
                    engine.dynamoDbClient(),
                    engine.dynamoDbStreamsClient());
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(ANSWER_WITHIN)
                        .build();
                Sender sender = new Sender(http, server);
                Seeds seeds = Seeds.prepare(sender);
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < count; i++) {
                    Fuzzed request = mutate(seeds.pick(random), random, seeds);
                    HttpResponse<byte[]> response = sender.send(request, i);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (request.undecodable() && response.statusCode() == 500) {
                        // AWS's own answer to a body its Content-Encoding does not decode (docs/fidelity.md)
                        assertThat(RawHttp.text(response))
                                .as("request %d: %s", i, request)
                                .contains("#InternalServerError");
                        continue;
                    }
                    assertThat(response.statusCode())
                            .as("request %d: %s", i, request)
                            .isLessThan(500);
                }
                System.out.println("WireFuzzTest: statuses " + statuses);
                stillCorrect(sender);
            } finally {
                server.close();
            }
        }
    }

    /**
     * Issue #17, finding 2, systematically: in the valid request of every operation, each member of every object and
     * each element of every array in turn becomes {@code null}, and every array gets a {@code null} inserted. None
     * of these requests may get a 5xx, and the engine answers correctly afterwards.
     */
    @Test
    void aNullInEveryListAndMapOfEveryOperationGetsNoServerError() throws Exception {
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false))) {
            WireServer server = WireServer.start(
                    WireServerOptions.defaults().withInlineReads(true),
                    engine.dynamoDbClient(),
                    engine.dynamoDbStreamsClient());
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(ANSWER_WITHIN)
                        .build();
                Sender sender = new Sender(http, server);
                Seeds seeds = Seeds.prepare(sender);
                int sent = 0;
                for (String target : seeds.targets) {
                    int slots = slots(JSON.readTree(seeds.bodies.get(target))).size();
                    for (int at = 0; at < slots; at++) {
                        for (boolean insert : new boolean[] {false, true}) {
                            JsonNode tree = JSON.readTree(seeds.bodies.get(target));
                            Slot slot = slots(tree).get(at);
                            String what;
                            if (!insert) {
                                slot.set(NODES.nullNode());
                                what = "null at " + (slot.name != null ? slot.name : "[" + slot.index + "]");
                            } else if (slot.parent instanceof ArrayNode array) {
                                array.insertNull(slot.index);
                                what = "null inserted at [" + slot.index + "]";
                            } else {
                                continue;
                            }
                            Fuzzed request = json(target, JSON.writeValueAsBytes(tree), what);
                            HttpResponse<byte[]> response = sender.send(request, sent++);
                            assertThat(response.statusCode())
                                    .as("%s: %s", request, RawHttp.text(response))
                                    .isLessThan(500);
                        }
                    }
                }
                System.out.println("WireFuzzTest: " + sent + " requests with a null, none answered 5xx");
                assertThat(sent).as("requests with a null").isGreaterThan(seeds.targets.size() * 3);
                stillCorrect(sender);
            } finally {
                server.close();
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, 0);
        return slots;
    }

    // ---- what is sent

    /**
     * One request: target (null: none), content type, content encoding, body bytes, a description, and whether the
     * body is not what its Content-Encoding says (the one case where AWS itself answers 500).
     */
    record Fuzzed(
            String target, String contentType, String encoding, byte[] body, String description, boolean undecodable) {

        Fuzzed(String target, String contentType, String encoding, byte[] body, String description) {
            this(target, contentType, encoding, body, description, false);
        }

        @Override
        public String toString() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return description + " target=" + target + " encoding=" + encoding + " body(" + body.length + ")=" + text;
        }
    }

    private static final class Sender {
        final HttpClient http;
        final WireServer server;

        Sender(HttpClient http, WireServer server) {
            this.http = http;
            this.server = server;
        }

        HttpResponse<byte[]> send(Fuzzed f, int index) throws InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            server.endpoint().resolve("/"))
                    .timeout(ANSWER_WITHIN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(f.body()));
            if (f.target() != null) {
                request.header("X-Amz-Target", f.target());
            }
            if (f.contentType() != null) {
                request.header("Content-Type", f.contentType());
            }
            if (f.encoding() != null) {
                request.header("Content-Encoding", f.encoding());
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new AssertionError("request " + index + " got no answer within " + ANSWER_WITHIN + ": " + f, e);
            } catch (IOException e) {
                throw new UncheckedIOException("request " + index + " failed: " + f, e);
            }
        }

        JsonNode ok(String operation, String body) throws InterruptedException {
            HttpResponse<byte[]> r = send(
                    new Fuzzed(
                            DDB + operation,
                            WireResponse.AMZ_JSON,
                            null,
                            body.getBytes(StandardCharsets.UTF_8),
                            "setup"),
                    -1);
            assertThat(r.statusCode())
                    .as(operation + " " + body + " -> " + RawHttp.text(r))
                    .isEqualTo(200);
            try {
                return r.body().length == 0 ? NODES.objectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** After the storm: the catalog, a write and a strongly consistent read work as they should. */
    private static void stillCorrect(Sender sender) throws InterruptedException {
        // (a mutation may have deleted the fuzzed table itself: a fresh one is checked)
        assertThat(sender.ok("ListTables", "{}").has("TableNames")).isTrue();
        sender.ok("CreateTable", TABLE.replace("\"fuzz\"", "\"fuzz-after\""));
        sender.ok(
                "PutItem",
                "{\"TableName\":\"fuzz-after\",\"Item\":{\"pk\":{\"S\":\"k\"},\"sk\":{\"S\":\"1\"},"
                        + "\"v\":{\"N\":\"42\"}}}");
        JsonNode got = sender.ok(
                "GetItem",
                "{\"TableName\":\"fuzz-after\",\"Key\":{\"pk\":{\"S\":\"k\"},\"sk\":"
                        + "{\"S\":\"1\"}},\"ConsistentRead\":true}");
        assertThat(got.at("/Item/v/N").asText()).isEqualTo("42");
        JsonNode query = sender.ok(
                "Query",
                "{\"TableName\":\"fuzz-after\",\"KeyConditionExpression\":\"pk = :p\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"k\"}}}");
        assertThat(query.get("Count").asInt()).isEqualTo(1);
    }

    // ---- seeds: a valid request of every operation

    static final String TABLE =
            "{\"TableName\":\"fuzz\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                    + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"g\","
                    + "\"AttributeType\":\"S\"},{\"AttributeName\":\"n\",\"AttributeType\":\"N\"}],\"BillingMode\":"
                    + "\"PAY_PER_REQUEST\",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":"
                    + "\"g\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"n\",\"KeyType\":\"RANGE\"}],\"Projection\":"
                    + "{\"ProjectionType\":\"ALL\"}}],\"LocalSecondaryIndexes\":[{\"IndexName\":\"byN\",\"KeySchema\":"
                    + "[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"n\",\"KeyType\":\"RANGE\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}],\"StreamSpecification\":{\"StreamEnabled\":true,"
                    + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}";

    private static final String ITEM =
            "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"n\":{\"N\":\"7\"},"
                    + "\"b\":{\"B\":\"AAEC\"},\"ss\":{\"SS\":[\"p\",\"q\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQ==\"]},"
                    + "\"m\":{\"M\":{\"in\":{\"L\":[{\"BOOL\":true},{\"NULL\":true},{\"S\":\"deep\"}]}}}}";
    private static final String KEY = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}";

    /** Seed bodies by operation; every other operation of the port gets a generic body naming the table. */
    private static Map<String, String> handWritten(
            String tableArn, String streamArn, String shardIterator, String backupArn) {
        Map<String, String> seeds = new TreeMap<>();
        seeds.put(DDB + "CreateTable", TABLE.replace("\"fuzz\"", "\"fuzz-new\""));
        seeds.put(
                DDB + "UpdateTable",
                "{\"TableName\":\"fuzz\",\"AttributeDefinitions\":[{\"AttributeName\":\"h\","
                        + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\","
                        + "\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":"
                        + "\"INCLUDE\",\"NonKeyAttributes\":[\"m\"]}}}]}");
        seeds.put(DDB + "DeleteTable", "{\"TableName\":\"fuzz-gone\"}");
        seeds.put(DDB + "DescribeTable", "{\"TableName\":\"fuzz\"}");
        seeds.put(DDB + "ListTables", "{\"Limit\":5,\"ExclusiveStartTableName\":\"a\"}");
        seeds.put(
                DDB + "PutItem",
                "{\"TableName\":\"fuzz\",\"Item\":" + ITEM + ",\"ConditionExpression\":"
                        + "\"attribute_not_exists(#z) OR size(ss) > :one\",\"ExpressionAttributeNames\":{\"#z\":\"z\"},"
                        + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_OLD\","
                        + "\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\"}");
        seeds.put(
                DDB + "GetItem",
                "{\"TableName\":\"fuzz\",\"Key\":" + KEY + ",\"ConsistentRead\":true,"
                        + "\"ProjectionExpression\":\"#m.#in[0], ss\",\"ExpressionAttributeNames\":{\"#m\":\"m\",\"#in\":\"in\"}}");
        seeds.put(
                DDB + "UpdateItem",
                "{\"TableName\":\"fuzz\",\"Key\":" + KEY + ",\"UpdateExpression\":"
                        + "\"SET n = n + :d, m.#in[1] = :v ADD ss :s REMOVE b\",\"ConditionExpression\":\"n BETWEEN :lo AND :hi\","
                        + "\"ExpressionAttributeNames\":{\"#in\":\"in\"},\"ExpressionAttributeValues\":{\":d\":{\"N\":\"1\"},"
                        + "\":v\":{\"S\":\"w\"},\":s\":{\"SS\":[\"r\"]},\":lo\":{\"N\":\"0\"},\":hi\":{\"N\":\"1e9\"}},"
                        + "\"ReturnValues\":\"UPDATED_NEW\"}");
        seeds.put(
                DDB + "DeleteItem",
                "{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"gone\"},\"sk\":{\"S\":\"1\"}},"
                        + "\"Expected\":{\"n\":{\"ComparisonOperator\":\"NULL\"}},\"ReturnValues\":\"ALL_OLD\"}");
        seeds.put(
                DDB + "Query",
                "{\"TableName\":\"fuzz\",\"IndexName\":\"byN\",\"KeyConditionExpression\":"
                        + "\"pk = :p AND n > :n\",\"FilterExpression\":\"contains(ss, :s)\",\"ExpressionAttributeValues\":"
                        + "{\":p\":{\"S\":\"a\"},\":n\":{\"N\":\"0\"},\":s\":{\"S\":\"p\"}},\"Limit\":10,\"ScanIndexForward\":false,"
                        + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"0\"},\"n\":{\"N\":\"100\"}}}");
        seeds.put(
                DDB + "Scan",
                "{\"TableName\":\"fuzz\",\"IndexName\":\"byG\",\"Segment\":0,\"TotalSegments\":2,"
                        + "\"ScanFilter\":{\"n\":{\"ComparisonOperator\":\"BETWEEN\",\"AttributeValueList\":[{\"N\":\"1\"},"
                        + "{\"N\":\"9\"}]}},\"Select\":\"ALL_ATTRIBUTES\"}");
        seeds.put(
                DDB + "BatchGetItem",
                "{\"RequestItems\":{\"fuzz\":{\"Keys\":[" + KEY + ",{\"pk\":{\"S\":\"b\"},"
                        + "\"sk\":{\"S\":\"1\"}}],\"ConsistentRead\":true,\"AttributesToGet\":[\"pk\",\"n\"]}}}");
        seeds.put(
                DDB + "BatchWriteItem",
                "{\"RequestItems\":{\"fuzz\":[{\"PutRequest\":{\"Item\":" + ITEM.replace("\"a\"", "\"bw\"")
                        + "}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"zz\"},\"sk\":{\"S\":\"9\"}}}}]},"
                        + "\"ReturnConsumedCapacity\":\"TOTAL\"}");
        seeds.put(
                DDB + "TransactWriteItems",
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"fuzz\",\"Item\":"
                        + ITEM.replace("\"a\"", "\"tx\"") + "}},{\"Update\":{\"TableName\":\"fuzz\",\"Key\":" + KEY
                        + ",\"UpdateExpression\":\"SET g = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"y\"}}}},"
                        + "{\"ConditionCheck\":{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"S\":\"1\"}},"
                        + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}},{\"Delete\":{\"TableName\":\"fuzz\",\"Key\":"
                        + "{\"pk\":{\"S\":\"d\"},\"sk\":{\"S\":\"1\"}}}}],\"ClientRequestToken\":\"tok-1\"}");
        seeds.put(
                DDB + "TransactGetItems",
                "{\"TransactItems\":[{\"Get\":{\"TableName\":\"fuzz\",\"Key\":" + KEY
                        + ",\"ProjectionExpression\":\"n\"}}]}");
        seeds.put(
                DDB + "ExecuteStatement",
                "{\"Statement\":\"SELECT * FROM fuzz WHERE pk = ? AND n > 1\","
                        + "\"Parameters\":[{\"S\":\"a\"}],\"ConsistentRead\":true,\"Limit\":5}");
        seeds.put(
                DDB + "BatchExecuteStatement",
                "{\"Statements\":[{\"Statement\":\"UPDATE fuzz SET n = n + 1 "
                        + "WHERE pk = ? AND sk = ?\",\"Parameters\":[{\"S\":\"a\"},{\"S\":\"1\"}]},{\"Statement\":"
                        + "\"INSERT INTO fuzz VALUE {'pk':'ins','sk':?}\",\"Parameters\":[{\"S\":\"2\"}]}]}");
        seeds.put(
                DDB + "ExecuteTransaction",
                "{\"TransactStatements\":[{\"Statement\":\"SELECT n FROM fuzz WHERE " + "pk = 'a' AND sk = '1'\"}]}");
        seeds.put(
                DDB + "UpdateTimeToLive",
                "{\"TableName\":\"fuzz\",\"TimeToLiveSpecification\":{\"Enabled\":true,"
                        + "\"AttributeName\":\"ttl\"}}");
        seeds.put(
                DDB + "TagResource",
                "{\"ResourceArn\":\"" + tableArn + "\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
        seeds.put(DDB + "UntagResource", "{\"ResourceArn\":\"" + tableArn + "\",\"TagKeys\":[\"a\"]}");
        seeds.put(DDB + "ListTagsOfResource", "{\"ResourceArn\":\"" + tableArn + "\"}");
        seeds.put(DDB + "CreateBackup", "{\"TableName\":\"fuzz\",\"BackupName\":\"b1\"}");
        seeds.put(DDB + "DescribeBackup", "{\"BackupArn\":\"" + backupArn + "\"}");
        seeds.put(
                DDB + "RestoreTableFromBackup",
                "{\"TargetTableName\":\"fuzz-restored\",\"BackupArn\":\"" + backupArn + "\"}");
        seeds.put(
                DDB + "RestoreTableToPointInTime",
                "{\"SourceTableName\":\"fuzz\",\"TargetTableName\":\"fuzz-pitr\","
                        + "\"UseLatestRestorableTime\":true}");
        seeds.put(
                DDB + "UpdateContinuousBackups",
                "{\"TableName\":\"fuzz\",\"PointInTimeRecoverySpecification\":"
                        + "{\"PointInTimeRecoveryEnabled\":true}}");
        seeds.put(DDB + "ListBackups", "{\"TableName\":\"fuzz\",\"Limit\":3}");
        seeds.put(STREAMS + "DescribeStream", "{\"StreamArn\":\"" + streamArn + "\",\"Limit\":10}");
        seeds.put(STREAMS + "ListStreams", "{\"TableName\":\"fuzz\"}");
        seeds.put(
                STREAMS + "GetShardIterator",
                "{\"StreamArn\":\"" + streamArn + "\",\"ShardId\":\"shardId-0\","
                        + "\"ShardIteratorType\":\"TRIM_HORIZON\"}");
        seeds.put(STREAMS + "GetRecords", "{\"ShardIterator\":\"" + shardIterator + "\",\"Limit\":50}");
        return seeds;
    }

    private static final class Seeds {
        final List<String> targets = new ArrayList<>();
        final Map<String, String> bodies = new TreeMap<>();

        static Seeds prepare(Sender sender) throws InterruptedException {
            JsonNode created = sender.ok("CreateTable", TABLE);
            String tableArn = created.at("/TableDescription/TableArn").asText();
            String streamArn = created.at("/TableDescription/LatestStreamArn").asText();
            sender.ok("CreateTable", TABLE.replace("\"fuzz\"", "\"fuzz-gone\""));
            sender.ok("PutItem", "{\"TableName\":\"fuzz\",\"Item\":" + ITEM + "}");
            String backupArn = sender.ok("CreateBackup", "{\"TableName\":\"fuzz\",\"BackupName\":\"seed\"}")
                    .at("/BackupDetails/BackupArn")
                    .asText();
            HttpResponse<byte[]> described = sender.send(
                    new Fuzzed(
                            STREAMS + "DescribeStream",
                            WireResponse.AMZ_JSON,
                            null,
                            ("{\"StreamArn\":\"" + streamArn + "\"}").getBytes(StandardCharsets.UTF_8),
                            "setup"),
                    -1);
            String shardId;
            try {
                shardId = JSON.readTree(described.body())
                        .at("/StreamDescription/Shards/0/ShardId")
                        .asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            HttpResponse<byte[]> iterator = sender.send(
                    new Fuzzed(
                            STREAMS + "GetShardIterator",
                            WireResponse.AMZ_JSON,
                            null,
                            ("{\"StreamArn\":\"" + streamArn + "\",\"ShardId\":\"" + shardId
                                            + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                            "setup"),
                    -1);
            String shardIterator;
            try {
                shardIterator =
                        JSON.readTree(iterator.body()).get("ShardIterator").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Seeds seeds = new Seeds();
            Map<String, String> written = handWritten(tableArn, streamArn, shardIterator, backupArn);
            written.put(
                    STREAMS + "GetShardIterator",
                    written.get(STREAMS + "GetShardIterator").replace("shardId-0", shardId));
            for (String target : operations()) {
                seeds.targets.add(target);
                seeds.bodies.put(
                        target,
                        written.getOrDefault(target, "{\"TableName\":\"fuzz\",\"ResourceArn\":\"" + tableArn + "\"}"));
            }
            return seeds;
        }

        String pick(Random random) {
            return targets.get(random.nextInt(targets.size()));
        }
    }

    /** Every operation the port serves: one per single-request method of the two client interfaces. */
    private static List<String> operations() {
        List<String> targets = new ArrayList<>();
        for (Map.Entry<String, Class<?>> e : Map.<String, Class<?>>of(
                        DDB, DynamoDbClient.class, STREAMS, DynamoDbStreamsClient.class)
                .entrySet()) {
            for (Method m : e.getValue().getMethods()) {
                if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                    String name = m.getParameterTypes()[0].getSimpleName();
                    String target = e.getKey() + name.substring(0, name.length() - "Request".length());
                    if (!targets.contains(target)) {
                        targets.add(target);
                    }
                }
            }
        }
        targets.sort(String::compareTo);
        return targets;
    }

    // ---- mutations

    private static Fuzzed mutate(String target, Random random, Seeds seeds) throws IOException {
        String seed = seeds.bodies.get(target);
        int kind = random.nextInt(100);
        if (kind < 55) {
            JsonNode tree = JSON.readTree(seed);
            String what = mutateTree(tree, random, 1 + random.nextInt(3));
            return json(target, JSON.writeValueAsBytes(tree), "tree: " + what);
        }
        byte[] body = seed.getBytes(StandardCharsets.UTF_8);
        if (kind < 70) {
            return json(target, bytesMutation(body, random), "bytes");
        }
        if (kind < 78) {
            return targetMutation(target, body, random, seeds);
        }
        if (kind < 86) {
            return encodingMutation(target, body, random);
        }
        if (kind < 93) {
            return json(target, textMutation(seed, random), "text");
        }
        // the body of another operation
        String other = seeds.pick(random);
        return json(target, seeds.bodies.get(other).getBytes(StandardCharsets.UTF_8), "body of " + other);
    }

    private static Fuzzed json(String target, byte[] body, String description) {
        return new Fuzzed(target, WireResponse.AMZ_JSON, null, body, description);
    }

    /** Replaces (or adds, or removes) values at random places of the request's JSON tree. */
    private static String mutateTree(JsonNode root, Random random, int times) {
        StringBuilder what = new StringBuilder();
        for (int t = 0; t < times; t++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots, 0);
            if (slots.isEmpty()) {
                return what.toString();
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            int op = random.nextInt(10);
            if (op == 0 && slot.parent instanceof ObjectNode o) {
                o.remove(slot.name);
                what.append("remove ").append(slot.name).append("; ");
            } else if (op == 1 && slot.parent instanceof ArrayNode a) {
                a.insertNull(slot.index);
                what.append("insert null; ");
            } else if (op == 2 && slot.parent instanceof ObjectNode o) {
                o.set("Unknown" + random.nextInt(3), value(random, 0));
                what.append("unknown member; ");
            } else {
                JsonNode replacement = value(random, 0);
                slot.set(replacement);
                what.append("set ")
                        .append(slot.name != null ? slot.name : "[" + slot.index + "]")
                        .append("; ");
            }
        }
        return what.toString();
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots, int depth) {
        if (depth > 40) {
            return;
        }
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                slots.add(new Slot(o, name, -1));
                collect(o.get(name), slots, depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots, depth + 1);
            }
        }
    }

    /** A hostile value: wrong types, nulls, extremes, deep nesting, attribute values gone wrong. */
    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 14 : 20);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 ->
                NODES.numberNode(new java.math.BigDecimal(
                        "1e" + (random.nextBoolean() ? "" : "-") + (100 + random.nextInt(1_000_000_000))));
            case 4 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 5 -> NODES.textNode("");
            case 6 -> NODES.textNode(hugeString(random));
            case 7 -> NODES.textNode(strangeString(random));
            case 8 -> NODES.textNode(number(random));
            case 9 -> NODES.textNode("!!!not base64==" + random.nextInt());
            case 10 -> NODES.arrayNode();
            case 11 -> NODES.objectNode();
            case 12 -> attributeValue(random, depth);
            case 13 -> NODES.textNode("fuzz");
            case 14 -> {
                ArrayNode a = NODES.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(random, depth + 1));
                }
                yield a;
            }
            case 15 -> {
                ObjectNode o = NODES.objectNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.set(random.nextBoolean() ? "S" : "k" + i, value(random, depth + 1));
                }
                yield o;
            }
            case 16 -> nested(random);
            default -> attributeValue(random, depth);
        };
    }

    private static JsonNode attributeValue(Random random, int depth) {
        ObjectNode av = NODES.objectNode();
        switch (random.nextInt(12)) {
            case 0 -> av.put("S", random.nextBoolean() ? "" : strangeString(random));
            case 1 -> av.put("N", number(random));
            case 2 -> av.put("B", random.nextBoolean() ? "AAEC" : "==x");
            case 3 -> av.set("SS", NODES.arrayNode().add("a").add(random.nextBoolean() ? "a" : "b"));
            case 4 -> av.set("NS", NODES.arrayNode().add(number(random)).add(number(random)));
            case 5 -> av.set("BS", NODES.arrayNode().add("AQ==").add(random.nextBoolean() ? "AQ==" : "*"));
            case 6 -> av.put("BOOL", random.nextBoolean());
            case 7 -> av.put("NULL", random.nextBoolean());
            case 8 ->
                av.set("L", NODES.arrayNode().add(depth > 3 ? NODES.nullNode() : attributeValue(random, depth + 1)));
            case 9 ->
                av.set(
                        "M",
                        NODES.objectNode()
                                .set("x", depth > 3 ? NODES.objectNode() : attributeValue(random, depth + 1)));
            case 10 -> {
                av.put("S", "a");
                av.put("N", "1");
            }
            default -> {}
        }
        return av;
    }

    /** Attribute values nested past DynamoDB's 32 levels, or past the JSON parser's limit. */
    private static JsonNode nested(Random random) {
        int levels = random.nextBoolean() ? 30 + random.nextInt(10) : 100 + random.nextInt(600);
        JsonNode inner = NODES.objectNode().put("S", "bottom");
        for (int i = 0; i < levels; i++) {
            inner = random.nextBoolean()
                    ? NODES.objectNode().set("L", NODES.arrayNode().add(inner))
                    : NODES.objectNode().set("M", NODES.objectNode().set("m", inner));
        }
        return inner;
    }

    private static String number(Random random) {
        String[] numbers = {
            "0",
            "-0",
            "1e126",
            "1e-131",
            "9.9999999999999999999999999999999999999E+125",
            "123456789012345678901234567890123456789",
            "NaN",
            "Infinity",
            "",
            " 1",
            "1.",
            ".5",
            "0x10",
            "1e",
            "-",
            "00012",
            "1" + "0".repeat(200),
            "1e-999999999",
            "1e999999999",
            "1" + "0".repeat(60_000),
            "0." + "0".repeat(60_000) + "1",
            "3".repeat(60_000)
        };
        return numbers[random.nextInt(numbers.length)];
    }

    private static String hugeString(Random random) {
        int length = random.nextInt(100) == 0 ? 400_000 + random.nextInt(20_000) : 2_000 + random.nextInt(70_000);
        return "h".repeat(length);
    }

    private static String strangeString(Random random) {
        String[] strange = {
            "\u0000",
            "\uD800",
            "\uDFFF\uD800",
            "a\u0007b",
            "#reserved",
            ":v",
            "SELECT",
            "💥",
            "a.b[1]",
            "((((",
            "\"\\",
            "size(x) > :v",
            "attribute_exists(",
            "SET a = :v REMOVE a"
        };
        return strange[random.nextInt(strange.length)];
    }

    /** Truncations, flipped and inserted bytes, a BOM, a UTF-16 body, nulls and junk around the document. */
    private static byte[] bytesMutation(byte[] body, Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1: {
                byte[] b = body.clone();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 2: {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(0xEF);
                out.write(0xBB);
                out.write(0xBF);
                out.writeBytes(body);
                return out.toByteArray();
            }
            case 3:
                return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case 4:
                return ("null").getBytes(StandardCharsets.UTF_8);
            case 5:
                return (new String(body, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
            case 6: {
                int at = random.nextInt(body.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(body, 0, at);
                out.writeBytes("[[[[{\"\\u0000\":".getBytes(StandardCharsets.UTF_8));
                out.write(body, at, body.length - at);
                return out.toByteArray();
            }
            default:
                return new byte[0];
        }
    }

    /** Textual edits a tree cannot express: a member given twice, a key renamed to another case. */
    private static byte[] textMutation(String seed, Random random) {
        int brace = seed.indexOf('{', 1);
        String text =
                switch (random.nextInt(3)) {
                    case 0 -> seed.replaceFirst("\\{", "{\"TableName\":\"fuzz-dup\",");
                    case 1 ->
                        brace > 0
                                ? seed.substring(0, brace + 1) + "\"S\":\"dup\",\"S\":\"dup2\","
                                        + seed.substring(brace + 1)
                                : seed;
                    default -> seed.replace("\"TableName\"", "\"tablename\"");
                };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Fuzzed targetMutation(String target, byte[] body, Random random, Seeds seeds) {
        String[] targets = {
            null,
            "",
            DDB,
            DDB + "NoSuchOperation",
            target.toLowerCase(java.util.Locale.ROOT),
            target.replace("20120810", "20111205"),
            STREAMS + "GetItem",
            DDB + "GetRecords",
            seeds.pick(random),
            target + " ",
            "DynamoDB_20120810.GetItem\u0000"
        };
        String chosen = targets[random.nextInt(targets.length)];
        if (chosen != null && chosen.contains("\u0000")) {
            chosen = DDB + "Get%00Item";
        }
        String[] types = {
            WireResponse.AMZ_JSON, "application/json", null, "text/plain", "application/x-amz-json-1.0; charset=latin1"
        };
        return new Fuzzed(chosen, types[random.nextInt(types.length)], null, body, "target/type");
    }

    private static Fuzzed encodingMutation(String target, byte[] body, Random random) throws IOException {
        switch (random.nextInt(5)) {
            case 0:
                return new Fuzzed(target, WireResponse.AMZ_JSON, "gzip", gzip(body), "gzip");
            case 1: {
                byte[] gz = gzip(body);
                return new Fuzzed(
                        target,
                        WireResponse.AMZ_JSON,
                        "gzip",
                        java.util.Arrays.copyOf(gz, gz.length / 2),
                        "truncated gzip",
                        true);
            }
            case 2:
                return new Fuzzed(target, WireResponse.AMZ_JSON, "gzip", body, "not gzip", true);
            case 3:
                return new Fuzzed(
                        target,
                        WireResponse.AMZ_JSON,
                        random.nextBoolean() ? "br" : "gzip, deflate",
                        body,
                        "other encoding",
                        true);
            default: {
                // a small gzip bomb: far beyond the 16 MB limit once inflated
                byte[] zeros = new byte[32 * 1024 * 1024];
                return new Fuzzed(target, WireResponse.AMZ_JSON, "gzip", gzip(zeros), "gzip bomb");
            }
        }
    }

    private static final Map<Integer, byte[]> GZIP_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] gzip(byte[] data) throws IOException {
        Function<byte[], byte[]> compress = d -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
        if (data.length > 1_000_000) {
            return GZIP_CACHE.computeIfAbsent(data.length, n -> compress.apply(data));
        }
        return compress.apply(data);
    }
}
