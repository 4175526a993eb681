package dev.singletable.engine.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How an engine is opened.
 *
 * @param dataDir               where a durable engine keeps its files; null when in memory
 * @param region                the region named in ARNs
 * @param accountId             the account named in ARNs
 * @param clock                 the engine's time source (creation times, TTL, streams); tests may fix it
 * @param syncPolicy            when a write is acknowledged relative to the disk (durable engines only)
 * @param groupCommitWait       under {@link SyncPolicy#GROUP}, the longest a flush waits for more writers to join it
 * @param snapshotAfterLogBytes a snapshot is taken once the log has grown this much since the last one, which keeps
 *                              restart time bounded
 * @param logSegmentBytes       the log moves to a new file once its current one reaches this size
 * @param ttlSweepInterval      how often the TTL sweeper looks for expired items
 * @param throttling            whether requests beyond a table's provisioned throughput or a partition key's ceiling
 *                              are refused, as in DynamoDB (on by default; off for benchmarks and bulk loads)
 * @param transientStatusDelay  how long a table stays CREATING, UPDATING or DELETING (and a new or deleted global
 *                              index CREATING or DELETING) after the request, as on AWS; zero (the default) makes every
 *                              change take effect at once, as DynamoDB Local does without {@code -delayTransientStatuses}
 */
public record EngineOptions(
        @Nullable Path dataDir,
        String region,
        String accountId,
        Clock clock,
        SyncPolicy syncPolicy,
        Duration groupCommitWait,
        long snapshotAfterLogBytes,
        long logSegmentBytes,
        Duration ttlSweepInterval,
        boolean throttling,
        Duration transientStatusDelay) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final Duration DEFAULT_GROUP_COMMIT_WAIT = Duration.ofMillis(1);
    public static final long DEFAULT_SNAPSHOT_AFTER_LOG_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_LOG_SEGMENT_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_TTL_SWEEP_INTERVAL = Duration.ofSeconds(5);
    /** How long transient statuses last when they are asked for: AWS's take seconds (a new table 2 to 6). */
    public static final Duration DEFAULT_TRANSIENT_STATUS_DELAY = Duration.ofSeconds(2);

    /**
     * When a write is acknowledged, relative to the operating system and the disk. Under every policy the records of
     * concurrent writers reach the operating system together, in one write of the log file.
     */
    public enum SyncPolicy {
        /** Acknowledged once the log is forced to disk: survives a process kill and a power loss. Each writer starts
         * a flush at once (writers that arrive while a flush is running share the next one). */
        FSYNC,
        /** Acknowledged once the log is forced to disk, like FSYNC, but a flush first waits at most
         * {@code groupCommitWait} for more writers to join it, so that many writes share one force. The default. */
        GROUP,
        /** Acknowledged once written to the operating system, with no force on the write path: survives a process
         * kill (SIGKILL included), not a power loss or kernel crash (the OS writes its cache back in its own time;
         * the engine forces a log file only when it moves to the next and at shutdown). */
        NONE
    }

    public EngineOptions {
        if (syncPolicy == null) {
            syncPolicy = SyncPolicy.GROUP;
        }
        if (groupCommitWait == null) {
            groupCommitWait = DEFAULT_GROUP_COMMIT_WAIT;
        }
        if (snapshotAfterLogBytes <= 0) {
            snapshotAfterLogBytes = DEFAULT_SNAPSHOT_AFTER_LOG_BYTES;
        }
        if (logSegmentBytes <= 0) {
            logSegmentBytes = DEFAULT_LOG_SEGMENT_BYTES;
        }
        if (ttlSweepInterval == null || ttlSweepInterval.isZero() || ttlSweepInterval.isNegative()) {
            ttlSweepInterval = DEFAULT_TTL_SWEEP_INTERVAL;
        }
        if (transientStatusDelay == null || transientStatusDelay.isNegative()) {
            transientStatusDelay = Duration.ZERO;
        }
    }

    /** Defaults for everything but where, for whom and by which clock: group commit, throttling on. */
    public EngineOptions(@Nullable Path dataDir, String region, String accountId, Clock clock) {
        this(
                dataDir,
                region,
                accountId,
                clock,
                SyncPolicy.GROUP,
                DEFAULT_GROUP_COMMIT_WAIT,
                0,
                0,
                DEFAULT_TTL_SWEEP_INTERVAL,
                true,
                Duration.ZERO);
    }

    public static EngineOptions inMemory() {
        return new EngineOptions(null, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC());
    }

    public static EngineOptions durable(Path dataDir) {
        return new EngineOptions(dataDir, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC());
    }

    public boolean inMemoryOnly() {
        return dataDir == null;
    }

    public EngineOptions withClock(Clock newClock) {
        return copy(copy -> copy.clock = newClock);
    }

    public EngineOptions withSyncPolicy(SyncPolicy policy, Duration groupWait) {
        return copy(copy -> {
            copy.syncPolicy = policy;
            copy.groupCommitWait = groupWait;
        });
    }

    public EngineOptions withSnapshotAfterLogBytes(long bytes) {
        return copy(copy -> copy.snapshotAfterLogBytes = bytes);
    }

    public EngineOptions withLogSegmentBytes(long bytes) {
        return copy(copy -> copy.logSegmentBytes = bytes);
    }

    public EngineOptions withTtlSweepInterval(Duration interval) {
        return copy(copy -> copy.ttlSweepInterval = interval);
    }

    /** The same options for another region (a namespace of a multi-region engine). */
    public EngineOptions withRegion(String newRegion) {
        return copy(copy -> copy.region = newRegion);
    }

    /** The same options for another account (a namespace of a multi-region engine). */
    public EngineOptions withAccountId(String newAccountId) {
        return copy(copy -> copy.accountId = newAccountId);
    }

    /** The same options keeping their files in another directory (null: in memory). */
    public EngineOptions withDataDir(@Nullable Path newDataDir) {
        return copy(copy -> copy.dataDir = newDataDir);
    }

    /** The same options with throttling switched on or off. */
    public EngineOptions withThrottling(boolean enabled) {
        return copy(copy -> copy.throttling = enabled);
    }

    /**
     * The same options with transient statuses on ({@link #DEFAULT_TRANSIENT_STATUS_DELAY}) or off: DynamoDB Local's
     * {@code -delayTransientStatuses}, property {@code singletable.engine.delay-transient-statuses}.
     */
    public EngineOptions withTransientStatuses(boolean delayed) {
        return withTransientStatusDelay(delayed ? DEFAULT_TRANSIENT_STATUS_DELAY : Duration.ZERO);
    }

    /** The same options with transient statuses lasting the given time (zero: none). */
    public EngineOptions withTransientStatusDelay(Duration delay) {
        return copy(copy -> copy.transientStatusDelay = delay);
    }

    /**
     * These options with what {@code change} sets on a copy: each {@code with...} method names only the fields it
     * changes, instead of repeating the whole canonical constructor call.
     */
    private EngineOptions copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The record's fields, settable: the working copy of {@link #copy}. */
    private static final class Copy {
        @Nullable
        Path dataDir;

        String region;
        String accountId;
        Clock clock;
        SyncPolicy syncPolicy;
        Duration groupCommitWait;
        long snapshotAfterLogBytes;
        long logSegmentBytes;
        Duration ttlSweepInterval;
        boolean throttling;
        Duration transientStatusDelay;

        Copy(EngineOptions options) {
            dataDir = options.dataDir;
            region = options.region;
            accountId = options.accountId;
            clock = options.clock;
            syncPolicy = options.syncPolicy;
            groupCommitWait = options.groupCommitWait;
            snapshotAfterLogBytes = options.snapshotAfterLogBytes;
            logSegmentBytes = options.logSegmentBytes;
            ttlSweepInterval = options.ttlSweepInterval;
            throttling = options.throttling;
            transientStatusDelay = options.transientStatusDelay;
        }

        EngineOptions build() {
            return new EngineOptions(
                    dataDir,
                    region,
                    accountId,
                    clock,
                    syncPolicy,
                    groupCommitWait,
                    snapshotAfterLogBytes,
                    logSegmentBytes,
                    ttlSweepInterval,
                    throttling,
                    transientStatusDelay);
        }
    }
}
