package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Kills a durable engine PROCESS with SIGKILL again and again while clients write and read it over HTTP, restarting
 * it on the same data directory each time (issue #17, finding 1, and its process-level crash test). The clients use
 * the AWS SDK v2, as a user would: writers run PutItem, UpdateItem, TransactWriteItems and BatchWriteItem; readers
 * run strongly consistent GetItem, Query, BatchGetItem and TransactGetItems and note every value they were shown
 * (a TransactGetItems of both parts of a transaction being written must show both or neither). After each restart:
 * <ul>
 * <li>every acknowledged write is there;</li>
 * <li>every value a reader was shown is still there (no dirty read: DynamoDB never shows a write it can still lose);</li>
 * <li>every transaction is there whole or not at all;</li>
 * <li>and, after the last kill, the index matches the items.</li>
 * </ul>
 * Each policy that claims to survive a SIGKILL takes turns (GROUP and FSYNC acknowledge after the force, NONE after
 * the OS write). Bounded: {@code -Dcrash.rounds} kills (default 6) within {@code -Dcrash.seconds} (default 45),
 * seeded with {@code -Dcrash.seed} (fixed by default so verify repeats the same run; printed; the kill moments and reads follow it, the scheduler does not).
 */
class ProcessCrashTest {

    private static final String[] POLICIES = {"GROUP", "FSYNC", "NONE"};
    private static final String TABLE = "orders";
    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int WARM_ACKS = 40;

    @TempDir
    Path dir;

    @Test
    void killedUnderMixedLoadItLosesNothingAcknowledgedAndNothingShown() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 6);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("crash.seconds", 45));
        long seed = Long.getLong("crash.seed", 20261205L);
        System.out.println("ProcessCrashTest seed " + seed + " (-Dcrash.seed=" + seed + " to repeat)");
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        Ledger previous = null;
        int round = 0;
        while (round < rounds && (round < 3 || System.nanoTime() < deadline)) {
            String policy = POLICIES[round % POLICIES.length];
            try (Child child = Child.start(data, policy, dir.resolve("child-" + round + ".log"));
                    DynamoDbClient client = client(child.endpoint())) {
                if (previous == null) {
                    createTable(client);
                } else {
                    verify(client, previous);
                }
                Ledger ledger = new Ledger("r" + round);
                boolean targeted = round % 2 == 0;
                load(client, ledger, child, 300 + random.nextInt(1200), targeted, random.nextLong());
                assertThat(ledger.errors)
                        .as("answers before the kill, round %d", round)
                        .isEmpty();
                assertThat(ledger.acknowledged())
                        .as("writes acknowledged in round %d", round)
                        .isPositive();
                System.out.printf(
                        "crash round %d (%s, %s): %d writes acknowledged, %d values read before SIGKILL%n",
                        round,
                        policy,
                        ledger.triggered
                                ? "killed just after a read ran ahead of its write's " + "acknowledgement"
                                : "killed at a random moment",
                        ledger.acknowledged(),
                        ledger.valuesRead());
                previous = ledger;
            }
            round++;
        }
        // the last kill, checked in process: recovery as EmbeddedEngine.open does it, and the index against the items
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.durable(data).withThrottling(false))) {
            verify(engine.dynamoDbClient(), previous);
            RecoveryTest.assertIndexMatchesItems(engine.core().requireTable(TABLE), "byGroup");
        }
    }

    // ---- load

    /** What one round's clients were told: per writer, the acknowledged and the seen. */
    private static final class Ledger {
        final String round;
        final Map<String, AtomicLong> attempting = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> ackedCounter = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> seenCounter = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> ackedTx = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> seenTx = new ConcurrentHashMap<>();
        final Map<String, Set<Long>> ackedPuts = new ConcurrentHashMap<>();
        final Map<String, Set<Long>> seenPuts = new ConcurrentHashMap<>();
        final Map<String, Set<Long>> ackedBatch = new ConcurrentHashMap<>();
        final Map<String, Set<Long>> seenBatch = new ConcurrentHashMap<>();
        final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong acks = new AtomicLong();
        final AtomicLong reads = new AtomicLong();

        Ledger(String round) {
            this.round = round;
            for (int t = 0; t < WRITERS; t++) {
                String w = writer(t);
                attempting.put(w, new AtomicLong());
                for (Map<String, AtomicLong> m : List.of(ackedCounter, seenCounter, ackedTx, seenTx)) {
                    m.put(w, new AtomicLong());
                }
                for (Map<String, Set<Long>> m : List.of(ackedPuts, seenPuts, ackedBatch, seenBatch)) {
                    m.put(w, ConcurrentHashMap.newKeySet());
                }
            }
        }

        String writer(int t) {
            return round + "w" + t;
        }

        long acknowledged() {
            return acks.get();
        }

        long valuesRead() {
            return reads.get();
        }

        static void max(Map<String, AtomicLong> m, String w, long n) {
            m.get(w).accumulateAndGet(n, Math::max);
        }

        /** When set, the engine is killed the moment a reader was shown a write its writer has not yet been told of. */
        volatile Child trigger;

        volatile boolean triggered;

        /**
         * The most telling moment for a kill: a value shown before its acknowledgement must already be durable, so
         * killing right then (before any force still running could finish) loses it if it was not.
         */
        void afterRead(String w) {
            Child child = trigger;
            if (child == null) {
                return;
            }
            boolean ahead = seenCounter.get(w).get() > ackedCounter.get(w).get()
                    || seenTx.get(w).get() > ackedTx.get(w).get()
                    || !ackedPuts.get(w).containsAll(seenPuts.get(w))
                    || !ackedBatch.get(w).containsAll(seenBatch.get(w));
            if (ahead) {
                trigger = null;
                triggered = true;
                child.killNow();
            }
        }
    }

    private static void load(
            DynamoDbClient client, Ledger ledger, Child child, long killAfterMillis, boolean targeted, long seed)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            String w = ledger.writer(t);
            threads.add(new Thread(() -> guarded(ledger, child, () -> write(client, ledger, w)), "writer-" + t));
        }
        for (int r = 0; r < READERS; r++) {
            Random random = new Random(seed + r);
            threads.add(new Thread(() -> guarded(ledger, child, () -> read(client, ledger, random)), "reader-" + r));
        }
        threads.forEach(Thread::start);
        long waitForWrites = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // the kill comes once the load flows (a fresh JVM answers its first requests slowly): at the first read that
        // runs ahead of its write's acknowledgement, or at a random moment
        while (ledger.acknowledged() < WARM_ACKS && System.nanoTime() < waitForWrites && ledger.errors.isEmpty()) {
            Thread.sleep(5);
        }
        if (targeted) {
            ledger.trigger = child;
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * killAfterMillis);
            while (!child.killed() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            ledger.trigger = null;
        } else {
            Thread.sleep(killAfterMillis);
        }
        child.kill();
        for (Thread thread : threads) {
            thread.join(15_000);
            assertThat(thread.isAlive())
                    .as("%s ended after the kill", thread.getName())
                    .isFalse();
        }
    }

    /** Runs a client loop until the connection fails after the kill; anything else the engine answered is an error. */
    private static void guarded(Ledger ledger, Child child, Runnable loop) {
        try {
            loop.run();
        } catch (SdkClientException e) {
            if (!child.killed()) {
                ledger.errors.add("before the kill: " + e);
            }
        } catch (RuntimeException e) {
            ledger.errors.add(e.toString());
        }
    }

    private static void write(DynamoDbClient client, Ledger ledger, String w) {
        String payload = "x".repeat(300);
        for (long n = 1; ; n++) {
            long number = n;
            ledger.attempting.get(w).set(n);
            switch ((int) (n % 4)) {
                case 0 -> {
                    client.putItem(b -> b.tableName(TABLE)
                            .item(Map.of(
                                    "pk",
                                    s("p-" + w),
                                    "sk",
                                    s(sk(number)),
                                    "gpk",
                                    s("g" + number % 4),
                                    "gsk",
                                    s(w + number),
                                    "payload",
                                    s(payload))));
                    ledger.ackedPuts.get(w).add(n);
                }
                case 1 -> {
                    client.updateItem(b -> b.tableName(TABLE)
                            .key(key("c-" + w, "counter"))
                            .updateExpression("SET #v = :n, gpk = :g, gsk = :t")
                            .expressionAttributeNames(Map.of("#v", "value"))
                            .expressionAttributeValues(
                                    Map.of(":n", AttributeValue.fromN("" + number), ":g", s("counters"), ":t", s(w))));
                    Ledger.max(ledger.ackedCounter, w, n);
                }
                case 2 -> {
                    client.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName(TABLE)
                                    .item(Map.of(
                                            "pk", s("x-" + w), "sk", s("a-" + sk(number)), "payload", s(payload)))),
                            t -> t.put(p -> p.tableName(TABLE)
                                    .item(Map.of(
                                            "pk",
                                            s("x-" + w),
                                            "sk",
                                            s("b-" + sk(number)),
                                            "gpk",
                                            s("tx"),
                                            "gsk",
                                            s(w + number)))),
                            t -> t.update(u -> u.tableName(TABLE)
                                    .key(key("xc-" + w, "counter"))
                                    .updateExpression("SET #v = :n")
                                    .conditionExpression("attribute_not_exists(#v) OR #v < :n")
                                    .expressionAttributeNames(Map.of("#v", "value"))
                                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("" + number))))));
                    Ledger.max(ledger.ackedTx, w, n);
                }
                default -> {
                    List<WriteRequest> puts = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        puts.add(WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(Map.of(
                                                "pk",
                                                s("bw-" + w),
                                                "sk",
                                                s(sk(number) + "-" + i),
                                                "payload",
                                                s(payload)))
                                        .build())
                                .build());
                    }
                    BatchWriteItemResponse out = client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, puts)));
                    if (out.hasUnprocessedItems() && !out.unprocessedItems().isEmpty()) {
                        ledger.errors.add("unprocessed batch writes without throttling: " + out.unprocessedItems());
                    }
                    ledger.ackedBatch.get(w).add(n);
                }
            }
            ledger.acks.incrementAndGet();
        }
    }

    /**
     * Reads what a writer is writing right now (the window in which a dirty read would show a write that is not yet
     * durable), through a strongly consistent read path chosen at random among those that can show it.
     */
    private static void read(DynamoDbClient client, Ledger ledger, Random random) {
        while (true) {
            String w = ledger.writer(random.nextInt(WRITERS));
            long n = ledger.attempting.get(w).get();
            boolean transactional = random.nextBoolean();
            switch ((int) (n % 4)) {
                case 0 -> {
                    Map<String, AttributeValue> item = transactional
                            ? client.transactGetItems(b -> b.transactItems(
                                            t -> t.get(g -> g.tableName(TABLE).key(key("p-" + w, sk(n))))))
                                    .responses()
                                    .get(0)
                                    .item()
                            : client.getItem(b -> b.tableName(TABLE)
                                            .key(key("p-" + w, sk(n)))
                                            .consistentRead(true))
                                    .item();
                    if (item != null && !item.isEmpty()) {
                        ledger.seenPuts.get(w).add(n);
                    }
                }
                case 1 -> {
                    Map<String, AttributeValue> item = transactional
                            ? client.transactGetItems(b -> b.transactItems(
                                            t -> t.get(g -> g.tableName(TABLE).key(key("c-" + w, "counter")))))
                                    .responses()
                                    .get(0)
                                    .item()
                            : client.getItem(b -> b.tableName(TABLE)
                                            .key(key("c-" + w, "counter"))
                                            .consistentRead(true))
                                    .item();
                    Ledger.max(ledger.seenCounter, w, number(item));
                }
                case 2 -> {
                    if (transactional && random.nextBoolean()) {
                        // both parts of the transaction being written, read together: both there or neither
                        List<ItemResponse> parts = client.transactGetItems(b -> b.transactItems(
                                        t -> t.get(g -> g.tableName(TABLE).key(key("x-" + w, "a-" + sk(n)))),
                                        t -> t.get(g -> g.tableName(TABLE).key(key("x-" + w, "b-" + sk(n))))))
                                .responses();
                        boolean first =
                                parts.get(0).hasItem() && !parts.get(0).item().isEmpty();
                        boolean second =
                                parts.get(1).hasItem() && !parts.get(1).item().isEmpty();
                        if (first != second) {
                            ledger.errors.add("a torn transaction shown: " + w + " " + n + " first part " + first
                                    + ", second part " + second);
                        }
                        if (first && second) {
                            Ledger.max(ledger.seenTx, w, n);
                        }
                    } else if (transactional) {
                        List<ItemResponse> both = client.transactGetItems(b -> b.transactItems(
                                        t -> t.get(g -> g.tableName(TABLE).key(key("c-" + w, "counter"))),
                                        t -> t.get(g -> g.tableName(TABLE).key(key("xc-" + w, "counter")))))
                                .responses();
                        Ledger.max(ledger.seenCounter, w, number(both.get(0).item()));
                        Ledger.max(ledger.seenTx, w, number(both.get(1).item()));
                    } else {
                        // the newest transaction part of the writer, through a strongly consistent Query
                        for (Map<String, AttributeValue> item : client.query(b -> b.tableName(TABLE)
                                        .consistentRead(true)
                                        .keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                                        .expressionAttributeValues(Map.of(":p", s("x-" + w), ":b", s("b-")))
                                        .scanIndexForward(false)
                                        .limit(1))
                                .items()) {
                            Ledger.max(
                                    ledger.seenTx,
                                    w,
                                    Long.parseLong(item.get("sk").s().substring(2)));
                        }
                    }
                }
                default -> {
                    var found = client.batchGetItem(b -> b.requestItems(Map.of(
                                    TABLE,
                                    KeysAndAttributes.builder()
                                            .consistentRead(true)
                                            .keys(key("bw-" + w, sk(n) + "-" + random.nextInt(3)))
                                            .build())))
                            .responses();
                    if (!found.getOrDefault(TABLE, List.of()).isEmpty()) {
                        ledger.seenBatch.get(w).add(n);
                    }
                }
            }
            ledger.reads.incrementAndGet();
            ledger.afterRead(w);
        }
    }

    // ---- checks after a restart

    private static void verify(DynamoDbClient client, Ledger ledger) {
        for (int t = 0; t < WRITERS; t++) {
            String w = ledger.writer(t);
            long counter = number(client.getItem(b ->
                            b.tableName(TABLE).key(key("c-" + w, "counter")).consistentRead(true))
                    .item());
            assertThat(counter)
                    .as("counter of %s against its acknowledged update", w)
                    .isGreaterThanOrEqualTo(ledger.ackedCounter.get(w).get());
            assertThat(counter)
                    .as("counter of %s against what readers were shown", w)
                    .isGreaterThanOrEqualTo(ledger.seenCounter.get(w).get());

            Set<Long> puts = sortKeys(client, "p-" + w, "");
            assertThat(puts).as("acknowledged puts of %s", w).containsAll(ledger.ackedPuts.get(w));
            assertThat(puts).as("puts of %s that readers were shown", w).containsAll(ledger.seenPuts.get(w));

            Set<Long> batches = sortKeys(client, "bw-" + w, "");
            assertThat(batches).as("acknowledged batch writes of %s", w).containsAll(ledger.ackedBatch.get(w));
            assertThat(batches)
                    .as("batch writes of %s that readers were shown", w)
                    .containsAll(ledger.seenBatch.get(w));

            long txCounter = number(client.getItem(b ->
                            b.tableName(TABLE).key(key("xc-" + w, "counter")).consistentRead(true))
                    .item());
            assertThat(txCounter)
                    .as("transactions of %s against the acknowledged", w)
                    .isGreaterThanOrEqualTo(ledger.ackedTx.get(w).get());
            assertThat(txCounter)
                    .as("transactions of %s against what readers were shown", w)
                    .isGreaterThanOrEqualTo(ledger.seenTx.get(w).get());
            Set<Long> expected = new TreeSet<>();
            for (long n = 2; n <= txCounter; n += 4) {
                expected.add(n);
            }
            // a writer's transactions commit in order, so exactly those up to the counter are there, each whole
            assertThat(sortKeys(client, "x-" + w, "a-"))
                    .as("first parts of %s's transactions", w)
                    .isEqualTo(expected);
            assertThat(sortKeys(client, "x-" + w, "b-"))
                    .as("second parts of %s's transactions", w)
                    .isEqualTo(expected);
        }
    }

    /** The numbers in the sort keys of a partition (with a prefix), read with a strongly consistent Query. */
    private static Set<Long> sortKeys(DynamoDbClient client, String pk, String prefix) {
        Set<Long> out = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> b.tableName(TABLE)
                    .consistentRead(true)
                    .exclusiveStartKey(from)
                    .keyConditionExpression(prefix.isEmpty() ? "pk = :p" : "pk = :p AND begins_with(sk, :b)")
                    .expressionAttributeValues(
                            prefix.isEmpty() ? Map.of(":p", s(pk)) : Map.of(":p", s(pk), ":b", s(prefix))));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get("sk").s().substring(prefix.length());
                int dash = sk.indexOf('-');
                out.add(Long.parseLong(dash < 0 ? sk : sk.substring(0, dash)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static long number(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey("value")
                ? 0
                : Long.parseLong(item.get("value").n());
    }

    private static String sk(long n) {
        return String.format("%08d", n);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gpk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsk").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("byGroup")
                        .keySchema(k -> k.attributeName("gpk").keyType(KeyType.HASH), k -> k.attributeName("gsk")
                                .keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(WRITERS + READERS + 2)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("crash", "test")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** The engine's child JVM ({@link EngineChild}); closing it kills it (SIGKILL) if it is still running. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final int port;
        private volatile boolean killed;

        private Child(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Child start(Path data, String policy, Path log) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            EngineChild.class.getName(),
                            data.toString(),
                            policy)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && process.isAlive()) {
                    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                        if (line.startsWith("PORT ")) {
                            return new Child(
                                    process, Integer.parseInt(line.substring(5).trim()));
                        }
                    }
                    Thread.sleep(20);
                }
                throw new AssertionError("the engine process did not start: " + Files.readString(log));
            } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
                process.toHandle().destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw e;
            }
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        boolean killed() {
            return killed;
        }

        /** SIGKILL (through the handle, as a user's {@code kill -9} would), without waiting for the end. */
        void killNow() {
            killed = true;
            process.toHandle().destroyForcibly();
        }

        void kill() throws InterruptedException {
            killNow();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("engine process ended")
                    .isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }
}
