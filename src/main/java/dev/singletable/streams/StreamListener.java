package dev.singletable.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's stream and hands each record to the projectors subscribed to its item type — the in-process
 * equivalent of a Lambda event-source mapping or a KCL worker, through the standard {@link DynamoDbStreamsClient}.
 *
 * <p>Each round: find the stream (DescribeTable → LatestStreamArn), list its shards, and read every shard whose parent is
 * finished (so a key's changes are seen in order across a shard split), holding a lease per shard. After a batch has been
 * handed to the projectors, the shard's position is checkpointed in the table. A crash between the two re-delivers the
 * batch: delivery is at least once and projectors are idempotent.
 */
class StreamListener {

    private static final Logger log = LoggerFactory.getLogger(StreamListener.class);
    /** How long busy rounds may reuse a listing of the stream and its shards. */
    static final Duration SHARD_LIST_MAX_AGE = Duration.ofSeconds(5);

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final List<Projector> projectors;
    private final ShardCheckpoints checkpoints;
    private final ShardLeases leases;
    private final DeadLetters deadLetters;
    private final ListenerSettings settings;
    private final Clock clock;

    private final Map<String, String> iterators = new HashMap<>();
    /**
     * The position last loaded or saved for each shard this instance holds an iterator for: while it reads the shard
     * on, nobody else moves it (the lease), so a busy round does not read its own checkpoint back.
     */
    private final Map<String, Optional<ShardCheckpoints.Checkpoint>> positions = new HashMap<>();
    /** The stream and its shards as the last listing found them, reused by busy rounds (see {@link #pollOnce}). */
    private @Nullable String listedStream;

    private List<Shard> listedShards = List.of();
    private long listedAtMillis;
    private boolean relist = true;
    private boolean closedThisRound;
    private final Map<String, ShardState> shards = new ConcurrentHashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile @Nullable Instant lastRound;
    private volatile @Nullable Exception lastError;
    private volatile @Nullable Thread worker;
    private volatile boolean running;

    StreamListener(
            DynamoDbClient dynamo,
            DynamoDbStreamsClient streams,
            String tableName,
            List<Projector> projectors,
            ShardCheckpoints checkpoints,
            ShardLeases leases,
            DeadLetters deadLetters,
            ListenerSettings settings,
            Clock clock) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.tableName = tableName;
        this.projectors = List.copyOf(projectors);
        this.checkpoints = checkpoints;
        this.leases = leases;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts polling on a background thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastRound = clock.instant();
        worker = new Thread(this::loop, "stream-listener");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the current batch and gives the leases back. */
    public void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = worker;
            worker = null;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLeases();
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        long idle = settings.idleDelay().toMillis();
        while (running) {
            int read = 0;
            try {
                read = pollOnce();
                lastError = null;
            } catch (RuntimeException e) {
                if (!running) {
                    log.debug("Stopped during a round; its records are read again from the last checkpoint", e);
                    return;
                }
                lastError = e;
                log.warn("Stream round failed; retrying after a pause", e);
            }
            if (read > 0) {
                idle = settings.idleDelay().toMillis();
                continue;
            }
            if (!sleep(idle)) {
                return;
            }
            idle = Math.min(idle * 2, settings.maxIdleDelay().toMillis());
        }
    }

    /**
     * One round over every readable shard: one GetRecords each. Public so tests (and a Lambda-style driver) can run rounds
     * synchronously.
     *
     * @return the number of service changes delivered in this round (the listener's own bookkeeping not counted)
     */
    public int pollOnce() {
        // A round right after one that delivered changes, closed no shard and listed the stream less than
        // SHARD_LIST_MAX_AGE ago reuses that listing: under load, DescribeTable and DescribeStream on every round were
        // two of a round's five store calls (over the wire, each costs both JVMs SigV4, HTTP and JSON). An idle
        // round lists again, so a new stream or shard is found as soon as the writes pause (and within the age bound
        // when they do not); KCL, too, lists shards on a timer and at a shard's end rather than on every read.
        boolean reuse =
                !relist && listedStream != null && clock.millis() - listedAtMillis < SHARD_LIST_MAX_AGE.toMillis();
        relist = true; // until this round completes
        if (!reuse) {
            listedStream =
                    dynamo.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
            String listed = listedStream;
            listedShards = listed == null ? List.of() : parentsFirst(listShards(listed));
            listedAtMillis = clock.millis();
        }
        String streamArn = listedStream;
        if (streamArn == null) {
            lastRound = clock.instant();
            return 0;
        }
        closedThisRound = false;
        int read = 0;
        for (Shard shard : listedShards) {
            read += pollShard(streamArn, shard);
        }
        relist = read == 0 || closedThisRound;
        lastRound = clock.instant();
        return read;
    }

    private List<Shard> listShards(String streamArn) {
        List<Shard> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            all.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return all;
    }

    /** Orders shards so that every parent comes before its children (a shard's parent may be trimmed away). */
    static List<Shard> parentsFirst(Collection<Shard> shards) {
        Map<String, Shard> byId = new LinkedHashMap<>();
        shards.forEach(s -> byId.put(s.shardId(), s));
        List<Shard> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (Shard shard : byId.values()) {
            place(shard, byId, placed, ordered);
        }
        return ordered;
    }

    private static void place(Shard shard, Map<String, Shard> byId, java.util.Set<String> placed, List<Shard> out) {
        if (placed.contains(shard.shardId())) {
            return;
        }
        Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
        if (parent != null) {
            place(parent, byId, placed, out);
        }
        placed.add(shard.shardId());
        out.add(shard);
    }

    private int pollShard(String streamArn, Shard shard) {
        String shardId = shard.shardId();
        @Nullable
        Optional<ShardCheckpoints.Checkpoint> known = iterators.containsKey(shardId) ? positions.get(shardId) : null;
        Optional<ShardCheckpoints.Checkpoint> saved = known != null ? known : checkpoints.load(shardId);
        if (saved.map(ShardCheckpoints.Checkpoint::finished).orElse(false)) {
            shards.put(shardId, new ShardState(shardId, saved.get().sequenceNumber(), true, 0, 0));
            forget(shardId);
            return 0;
        }
        if (!parentFinished(shard)) {
            return 0;
        }
        if (!leases.acquire(shardId)) {
            forget(shardId);
            return 0;
        }
        positions.put(shardId, saved);
        String checkpoint =
                saved.map(ShardCheckpoints.Checkpoint::sequenceNumber).orElse(null);
        GetRecordsResponse response;
        try {
            response = streams.getRecords(r -> r.shardIterator(iterator(streamArn, shardId, checkpoint)));
        } catch (ExpiredIteratorException expired) {
            iterators.remove(shardId); // the position read above is still where the shard stands
            response = streams.getRecords(r -> r.shardIterator(iterator(streamArn, shardId, checkpoint)));
        }
        List<Record> records = response.records();
        int delivered = 0;
        String last = checkpoint;
        Map<BatchProjector, List<Record>> batched = new LinkedHashMap<>();
        for (Record record : records) {
            if (deliver(record, batched)) {
                delivered++;
            }
            last = record.dynamodb().sequenceNumber();
        }
        batched.forEach(this::applyBatch);
        boolean projected = delivered > 0;
        boolean closed = response.nextShardIterator() == null;
        long lagMillis = records.isEmpty() ? 0 : ageOf(records.get(records.size() - 1));
        shards.put(shardId, new ShardState(shardId, checkpoint, false, lagMillis, records.size()));
        // Only batches with real changes are checkpointed: the checkpoint write is itself a stream record, and
        // checkpointing for it would feed the stream forever. Re-reading our own bookkeeping after a restart is
        // harmless.
        if (projected || closed) {
            ShardCheckpoints.Checkpoint reached = new ShardCheckpoints.Checkpoint(last, closed);
            checkpoints.save(shardId, reached);
            positions.put(shardId, Optional.of(reached));
            shards.put(shardId, new ShardState(shardId, last, closed, lagMillis, 0));
        }
        if (closed) {
            forget(shardId);
            closedThisRound = true;
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        return delivered;
    }

    /** Drops what this instance knew of a shard's reading: the next round starts from its saved checkpoint. */
    private void forget(String shardId) {
        iterators.remove(shardId);
        positions.remove(shardId);
    }

    private boolean parentFinished(Shard shard) {
        if (shard.parentShardId() == null) {
            return true;
        }
        ShardState parent = shards.get(shard.parentShardId());
        if (parent != null) {
            return parent.finished();
        }
        // Not seen this run: finished if checkpointed so, or trimmed from the stream (never seen and no checkpoint).
        return checkpoints
                .load(shard.parentShardId())
                .map(ShardCheckpoints.Checkpoint::finished)
                .orElse(true);
    }

    private String iterator(String streamArn, String shardId, @Nullable String checkpoint) {
        String known = iterators.get(shardId);
        if (known != null) {
            return known;
        }
        if (checkpoint != null) {
            try {
                return streams.getShardIterator(r -> r.streamArn(streamArn)
                                .shardId(shardId)
                                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(checkpoint))
                        .shardIterator();
            } catch (TrimmedDataAccessException trimmed) {
                log.warn(
                        "Checkpoint {} of shard {} is past the stream's retention; records were lost",
                        checkpoint,
                        shardId);
            }
        }
        return streams.getShardIterator(
                        r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    /**
     * Applies the record to every subscribed projector, except that a {@link BatchProjector}'s records are collected
     * into {@code batched} for one call after the batch.
     *
     * @return whether the record is a change of the service's data (not the listener's own bookkeeping)
     */
    private boolean deliver(Record record, Map<BatchProjector, List<Record>> batched) {
        if (StreamImages.internal(record)) {
            return false;
        }
        String type = StreamImages.entityType(record);
        for (Projector projector : projectors) {
            if (!projector.subscribes(type)) {
                continue;
            }
            if (projector instanceof BatchProjector batch) {
                batched.computeIfAbsent(batch, p -> new ArrayList<>()).add(record);
            } else {
                applyWithRetries(projector, record);
            }
        }
        processed.incrementAndGet();
        return true;
    }

    /** One call for the whole batch; if it fails, each record on its own, with retries and dead letters. */
    private void applyBatch(BatchProjector projector, List<Record> records) {
        try {
            projector.applyAll(records);
        } catch (RuntimeException e) {
            if (stopping(e)) {
                throw e;
            }
            log.warn(
                    "Projector {} failed on a batch of {} records; applying them one by one",
                    projector.name(),
                    records.size(),
                    e);
            records.forEach(record -> applyWithRetries(projector, record));
        }
    }

    private void applyWithRetries(Projector projector, Record record) {
        long delay = settings.retryDelay().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                projector.apply(record);
                return;
            } catch (RuntimeException e) {
                if (stopping(e)) {
                    throw e;
                }
                if (attempt >= settings.maxAttempts()) {
                    log.error(
                            "Projector {} failed {} times on record {}; dead-lettered",
                            projector.name(),
                            attempt,
                            record.dynamodb().sequenceNumber(),
                            e);
                    deadLetters.park(projector.name(), record, attempt, e);
                    deadLettered.incrementAndGet();
                    return;
                }
                retried.incrementAndGet();
                sleep(delay);
                delay *= 2;
            }
        }
    }

    /**
     * Whether a failure is this listener being stopped rather than the projection failing: {@link #stop()} interrupts
     * the worker, and the store call in flight (and every later one while the flag is set) is aborted. Such a record
     * is neither retried nor dead-lettered: the round ends without a checkpoint, so whoever reads the shard next
     * applies it again, as after a crash (the projections are exactly-once on re-delivery).
     */
    private static boolean stopping(RuntimeException e) {
        return Thread.currentThread().isInterrupted()
                || e instanceof AbortedException
                || e.getCause() instanceof InterruptedException;
    }

    private long ageOf(Record record) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return created == null ? 0 : Math.max(0, clock.millis() - created.toEpochMilli());
    }

    private void releaseLeases() {
        // a shard leased in a round that a stop cut short is known by its position only (no state reported yet)
        Set<String> leased = new LinkedHashSet<>(shards.keySet());
        leased.addAll(positions.keySet());
        for (String shardId : leased) {
            try {
                leases.release(shardId);
            } catch (RuntimeException e) {
                log.debug("Could not release the lease of shard {}", shardId, e);
            }
        }
        iterators.clear();
        positions.clear();
        relist = true;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Collection<ShardState> shards() {
        return List.copyOf(shards.values());
    }

    public long processed() {
        return processed.get();
    }

    public long retried() {
        return retried.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Nullable
    Instant lastRound() {
        return lastRound;
    }

    @Nullable
    Exception lastError() {
        return lastError;
    }

    public ListenerSettings settings() {
        return settings;
    }
}
