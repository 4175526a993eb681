package dev.singletable.engine.global;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.durability.LogRecord;
import dev.singletable.engine.durability.SnapshotSection;
import dev.singletable.engine.regions.CrossAccountCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Global tables, version 2019.11.21 [1] [2], across the regions of one engine: which tables replicate where
 * ({@link ReplicaGroups}), each region's stamps and outgoing queues ({@link NamespaceReplication}), their delivery
 * ({@link Replicator}), and the control plane that adds and removes replicas ({@link ReplicaChanges}). A region's
 * clients reach all of it through {@link GlobalTablesClient}.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html">Global tables - multi-active, multi-Region replication</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
public final class GlobalTables implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalTables.class);
    /** The kind of the home region's log records that hold the registry (see Engine#journalExtension). */
    public static final int REGISTRY_KIND = 201;
    /** How long a deletion is remembered: far longer than any copy can be on its way. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofHours(24);

    /** A region of an account, as the coordinator uses it. */
    public interface Region {
        String account();

        String region();

        /** The region's engine core. */
        Engine core();

        /** The region's own DynamoDB API, without the rules of global tables (the coordinator's own calls). */
        DynamoDbClient local();

        NamespaceReplication replication();
    }

    /** The regions of the engine, opened on demand. */
    public interface Regions {
        Region open(String account, String region);
    }

    /** Told of every replicated write's latency: the table, source, destination and milliseconds. */
    public interface LatencyListener {
        void replicated(String table, String source, String destination, long latencyMillis);
    }

    /** One direction of replication of one table: what {@link #stats(Link)} reports on. */
    public record Link(String account, String table, String source, String destination) {}

    private final Clock clock;
    private final Regions regions;
    private final ReplicaGroups groups = new ReplicaGroups();
    private final Map<String, NamespaceReplication> replications = new ConcurrentHashMap<>();
    private final Replicator replicator;
    private final ExecutorService control;
    private final ReplicaChanges changes;
    private final List<LatencyListener> latencyListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Link>> linkListeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    public GlobalTables(Clock clock, Duration replicationDelay, Regions regions) {
        this.clock = clock;
        this.regions = regions;
        this.replicator = new Replicator(
                clock,
                replicationDelay,
                (account, region) -> regions.open(account, region).replication(),
                (queue, latency) -> latencyListeners.forEach(
                        l -> l.replicated(queue.table, queue.source.region(), queue.destination, latency)));
        this.control = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "singletable-global-tables");
            t.setDaemon(true);
            return t;
        });
        this.changes = new ReplicaChanges(this);
    }

    Clock clock() {
        return clock;
    }

    ReplicaGroups groups() {
        return groups;
    }

    Region region(String account, String region) {
        return regions.open(account, region);
    }

    /**
     * The replication state of a region being opened: the engine attaches it as a listener (before replaying its
     * log) and saves it in the region's snapshots.
     */
    public NamespaceReplication replicationOf(String account, String region) {
        return replications.computeIfAbsent(account + "/" + region, k -> {
            NamespaceReplication r = new NamespaceReplication(account, region, groups);
            r.onQueueCreated(q -> linkListeners.forEach(l -> l.accept(linkOf(q))));
            if (started) {
                r.wakeWith(replicator::wake);
            }
            return r;
        });
    }

    /** The registry's snapshot section, saved with the home region's snapshots. */
    public SnapshotSection registrySection() {
        return SnapshotSection.of(
                "global-tables",
                () -> {
                    byte[] state = groups.encode();
                    return sink -> sink.accept(state);
                },
                chunks -> chunks.forEach(groups::restore));
    }

    /** Replays a registry record of the home region's log. */
    public void replayRegistry(LogRecord.Extension record) {
        groups.restore(record.payload());
    }

    /** From now on every registry change is written to the home region's log first. */
    public void journalRegistryIn(Engine home) {
        groups.journalTo(state -> home.journalExtension(REGISTRY_KIND, state));
    }

    /**
     * The DynamoDB API of a region with global tables' rules and replica operations; a request naming another
     * account's resource is decided by {@code crossAccount}.
     */
    public DynamoDbClient client(Region region, DynamoDbClient regionalClient, CrossAccountCalls crossAccount) {
        return new GlobalTablesClient(regionalClient, region, this, crossAccount);
    }

    ReplicaChanges changes() {
        return changes;
    }

    /**
     * Once every region on disk is open: queues follow the groups, unfinished replica changes resume, delivery
     * starts.
     */
    public void start() {
        for (ReplicaGroups.Group group : groups.all()) {
            for (ReplicaGroups.Member member : group.members()) {
                regions.open(group.account(), member.region());
            }
        }
        for (NamespaceReplication r : new ArrayList<>(replications.values())) {
            List<String> replicated = new ArrayList<>();
            for (ReplicaGroups.Group group : groups.all()) {
                if (group.account().equals(r.account())
                        && group.member(r.region()).isPresent()) {
                    r.follow(group);
                    replicated.add(group.table());
                }
            }
            r.forgetAllBut(replicated);
        }
        started = true;
        replicator.every(Duration.ofMinutes(10), this::expireTombstones);
        for (NamespaceReplication r : replications.values()) {
            r.wakeWith(replicator::wake);
            r.queues().forEach(replicator::wake);
        }
        for (ReplicaGroups.Group group : groups.all()) {
            for (ReplicaGroups.Member member : group.members()) {
                if (member.status() != ReplicaGroups.Status.ACTIVE) {
                    LOG.info(
                            "Resuming the {} of replica {} of table {}",
                            member.status() == ReplicaGroups.Status.CREATING ? "creation" : "removal",
                            member.region(),
                            group.table());
                    changes.resume(group, member);
                }
            }
        }
    }

    /** Runs a step of a replica change in the background (a backfill, a removal), in submission order. */
    void inBackground(Runnable step) {
        control.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("A global table change failed; it resumes at the next start", e);
            }
        });
    }

    /** Every region's queues follow a group's new state (a replica added, activated or removed). */
    void followEverywhere(ReplicaGroups.Group group) {
        for (NamespaceReplication r : replications.values()) {
            if (!r.account().equals(group.account())) {
                continue;
            }
            if (group.member(r.region()).isPresent() && group.members().size() > 1) {
                r.follow(group);
            } else {
                r.forget(group.table());
            }
        }
    }

    /** Replication figures for every pair of regions of every global table. */
    public List<ReplicationStats> stats() {
        List<ReplicationStats> out = new ArrayList<>();
        for (NamespaceReplication r : replications.values()) {
            for (PeerQueue q : r.queues()) {
                out.add(q.stats());
            }
        }
        return out;
    }

    public void addLatencyListener(LatencyListener listener) {
        latencyListeners.add(listener);
    }

    /** Told of every pair of regions a table replicates between, those existing now included. */
    public void addLinkListener(Consumer<Link> listener) {
        linkListeners.add(listener);
        for (NamespaceReplication r : replications.values()) {
            r.queues().forEach(q -> listener.accept(linkOf(q)));
        }
    }

    /** The current figures of one direction of replication (zeros once it no longer exists). */
    public ReplicationStats stats(Link link) {
        NamespaceReplication r = replications.get(link.account() + "/" + link.source());
        PeerQueue q = r == null ? null : r.queue(link.table(), link.destination());
        return q == null
                ? new ReplicationStats(link.table(), link.source(), link.destination(), 0, 0, 0, -1, 0, 0)
                : q.stats();
    }

    private static Link linkOf(PeerQueue q) {
        return new Link(q.source.account(), q.table, q.source.region(), q.destination);
    }

    /** Forgets deletions older than the retention (called now and then by the engine). */
    void expireTombstones() {
        long before = clock.millis() - TOMBSTONE_RETENTION.toMillis();
        replications.values().forEach(r -> r.expireTombstones(before));
    }

    /** Waits until every queue is empty (tests, a clean shutdown); false if that took longer than the timeout. */
    public boolean awaitQuiescence(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean idle = replications.values().stream()
                    .allMatch(r -> r.queues().stream().allMatch(q -> q.size() == 0 || q.held()));
            boolean changing = groups.all().stream().anyMatch(ReplicaGroups.Group::changing);
            if (idle && !changing) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        control.shutdown();
        try {
            if (!control.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A global table change was still running at shutdown; it resumes at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replicator.close();
    }
}
