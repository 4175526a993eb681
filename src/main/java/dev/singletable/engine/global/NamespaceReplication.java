package dev.singletable.engine.global;

import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.durability.ByteReader;
import dev.singletable.engine.durability.ByteWriter;
import dev.singletable.engine.durability.CorruptDataException;
import dev.singletable.engine.durability.ItemCodec;
import dev.singletable.engine.durability.SnapshotSection;
import dev.singletable.engine.durability.StoredKeys;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The replication state of one region (of one account): for each of its tables that belongs to a replication group,
 * the stamp of every item's last write (deletions included, as tombstones) and the queues of local writes not yet
 * received by each other member.
 * <p>
 * It learns every write as a commit listener, so it sees them in commit order, once durable, and again when a
 * restart replays the log: a local write is stamped (its commit time, never below the stamp of what it replaced,
 * this region, its sequence number) and queued for every peer; a write copied from another region carries its
 * stamp, is recorded, and goes nowhere (every region sends its own writes to every other one). Applying a copy
 * ({@link #apply}) is last-writer-wins, as on AWS [1]: it takes effect only if its stamp is later than the item's, so a
 * copy that arrives twice, late, or out of order changes nothing it should not.
 * <p>
 * The stamps and undelivered queue entries are saved in the region's snapshots; writes after the snapshot are queued
 * again when the log is replayed (some may be sent twice, which last-writer-wins makes harmless).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
public final class NamespaceReplication implements CommitListener {

    /** The last write of one item: its stamp, and whether it deleted the item. */
    record ItemStamp(WriteStamp stamp, boolean deleted) {}

    /** A table's stamps and queues in this region. */
    private static final class TableState {
        final Map<PrimaryKey, ItemStamp> stamps = new ConcurrentHashMap<>();
        final Map<String, PeerQueue> queues = new ConcurrentHashMap<>();
    }

    private final String account;
    private final String region;
    private final ReplicaGroups groups;
    private final Map<String, TableState> tables = new ConcurrentHashMap<>();
    /** Set by {@link #attach}, right after construction and before the engine recovers. */
    private volatile @Nullable Engine engine;

    private volatile Consumer<PeerQueue> waker = q -> {};
    private volatile Consumer<PeerQueue> created = q -> {};

    NamespaceReplication(String account, String region, ReplicaGroups groups) {
        this.account = account;
        this.region = region;
        this.groups = groups;
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    /** Connects to the region's engine (before it recovers: replayed writes are queued too). */
    public void attach(Engine regionEngine) {
        this.engine = regionEngine;
    }

    Engine engine() {
        Engine attached = engine;
        if (attached == null) {
            throw new IllegalStateException("the replication of " + region + " is not attached to its engine yet");
        }
        return attached;
    }

    /** Told of every new queue: a new pair of regions to watch. */
    void onQueueCreated(Consumer<PeerQueue> listener) {
        this.created = listener;
        queues().forEach(listener);
    }

    /** From now on a new queue entry wakes the replicator (not during recovery: it starts afterwards). */
    void wakeWith(Consumer<PeerQueue> newWaker) {
        this.waker = newWaker;
    }

    // ---- the commit listener

    @Override
    public void committed(long sequence, List<ItemChange> changes, long commitTimeMillis) {
        record(sequence, changes, commitTimeMillis);
    }

    private void record(long unit, List<ItemChange> changes, long timeMillis) {
        if (groups.isEmpty()) {
            return;
        }
        for (ItemChange c : changes) {
            String name = c.table().name();
            ReplicaGroups.Group group = groups.group(account, name).orElse(null);
            if (group == null || group.member(region).isEmpty()) {
                continue;
            }
            TableState state = tables.computeIfAbsent(name, n -> new TableState());
            WriteStamp stamp = c.replicated();
            if (stamp == null) {
                ItemStamp existing = state.stamps.get(c.key());
                long time = existing == null
                        ? timeMillis
                        : Math.max(timeMillis, existing.stamp().timestamp() + 1);
                stamp = new WriteStamp(time, region, unit);
            }
            state.stamps.put(c.key(), new ItemStamp(stamp, c.newItem() == null));
            if (c.replicated() != null) {
                continue;
            }
            Replicated entry = new Replicated(c.key(), c.newItem(), c.byService(), stamp, timeMillis);
            for (String peer : group.peersOf(region)) {
                PeerQueue queue = queue(state, name, peer, group);
                queue.add(entry);
                waker.accept(queue);
            }
        }
    }

    @Override
    public void tableDropped(Table table, long timeMillis) {
        forget(table.name());
    }

    /** Drops a table's stamps and queues (dropped, or no longer replicated). */
    void forget(String table) {
        TableState state = tables.remove(table);
        if (state != null) {
            state.queues.values().forEach(PeerQueue::close);
        }
    }

    private PeerQueue queue(TableState state, String table, String peer, ReplicaGroups.Group group) {
        PeerQueue existing = state.queues.get(peer);
        if (existing != null) {
            return existing;
        }
        PeerQueue queue = state.queues.computeIfAbsent(
                peer,
                p -> new PeerQueue(
                        this,
                        table,
                        p,
                        group.member(p)
                                .map(m -> m.status() == ReplicaGroups.Status.CREATING)
                                .orElse(false)));
        created.accept(queue);
        return queue;
    }

    /**
     * Brings the queues of a table in line with its group: one for every peer (held while the peer is being
     * created), none for regions that left.
     */
    void follow(ReplicaGroups.Group group) {
        String table = group.table();
        if (group.member(region).isEmpty()) {
            forget(table);
            return;
        }
        TableState state = tables.computeIfAbsent(table, n -> new TableState());
        List<String> peers = group.peersOf(region);
        for (String peer : peers) {
            PeerQueue queue = queue(state, table, peer, group);
            if (group.member(peer)
                            .map(m -> m.status() == ReplicaGroups.Status.ACTIVE)
                            .orElse(false)
                    && queue.held()) {
                queue.release();
                waker.accept(queue);
            }
        }
        state.queues.entrySet().removeIf(e -> {
            if (!peers.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** The region's tables that replicate and have no group any more are forgotten. */
    void forgetAllBut(Collection<String> replicatedTables) {
        for (String table : List.copyOf(tables.keySet())) {
            if (!replicatedTables.contains(table)) {
                forget(table);
            }
        }
    }

    Collection<PeerQueue> queues() {
        List<PeerQueue> all = new ArrayList<>();
        tables.values().forEach(s -> all.addAll(s.queues.values()));
        return all;
    }

    @Nullable
    PeerQueue queue(String table, String peer) {
        TableState state = tables.get(table);
        return state == null ? null : state.queues.get(peer);
    }

    // ---- applying copies from other regions

    /** What happened to a batch of copies: how many changed an item, how many were superseded already. */
    record Applied(int applied, int superseded) {}

    /**
     * Applies copies of another region's writes to a table of this region, each as its own unit (items are
     * replicated one by one, as on AWS: a transaction of another region may be seen here in part), each only if it is
     * later than the item's last write. Returns once what was applied is durable here.
     */
    Applied apply(String table, List<Replicated> entries) {
        Engine engine = engine();
        return engine.exclusive(() -> {
            // every local write committed so far must be stamped here before a copy is weighed against it: its
            // stamp is recorded when it becomes visible (once durable), so wait for that first
            engine.quiesce();
            Table t = engine.table(table);
            if (t == null) {
                return new Applied(0, entries.size());
            }
            TableState state = tables.computeIfAbsent(table, n -> new TableState());
            Map<PrimaryKey, WriteStamp> inBatch = new HashMap<>();
            int applied = 0;
            for (Replicated e : entries) {
                WriteStamp last = inBatch.get(e.key());
                if (last == null) {
                    ItemStamp recorded = state.stamps.get(e.key());
                    last = recorded == null ? null : recorded.stamp();
                }
                if (last != null && !e.stamp().isAfter(last)) {
                    continue; // the last writer already won here
                }
                StoredItem old = t.current(e.key()); // an earlier copy of this batch is not visible yet
                engine.commit(List.of(new ItemChange(t, e.key(), old, e.newItem(), e.byService(), e.stamp())));
                inBatch.put(e.key(), e.stamp());
                applied++;
            }
            return new Applied(applied, entries.size() - applied);
        });
    }

    // ---- backfill: what this region holds of a table, with the stamps

    /** Up to {@code max} items after {@code after} (null: from the start), in key order, each with its stamp. */
    List<Replicated> scan(String table, @Nullable PrimaryKey after, int max) {
        Engine engine = engine();
        return engine.exclusive(() -> {
            engine.quiesce(); // the items and their stamps as of the same commit
            Table t = engine.table(table);
            if (t == null) {
                return List.of();
            }
            TableState state = tables.get(table);
            NavigableMap<PrimaryKey, StoredItem> items = t.data().items();
            NavigableMap<PrimaryKey, StoredItem> from = after == null ? items : items.tailMap(after, false);
            long now = engine.nowMillis();
            List<Replicated> out = new ArrayList<>(Math.min(max, 1024));
            for (Map.Entry<PrimaryKey, StoredItem> e : from.entrySet()) {
                if (out.size() == max) {
                    break;
                }
                ItemStamp stamp = state == null ? null : state.stamps.get(e.getKey());
                out.add(new Replicated(
                        e.getKey(), e.getValue(), false, stamp == null ? WriteStamp.ZERO : stamp.stamp(), now));
            }
            return out;
        });
    }

    /** The deletions this region remembers for a table: a new replica must not take a deleted item for a live one. */
    List<Replicated> tombstones(String table) {
        Engine engine = engine();
        return engine.exclusive(() -> {
            engine.quiesce();
            TableState state = tables.get(table);
            List<Replicated> out = new ArrayList<>();
            if (state != null) {
                long now = engine.nowMillis();
                state.stamps.forEach((key, stamp) -> {
                    if (stamp.deleted()) {
                        out.add(new Replicated(key, null, false, stamp.stamp(), now));
                    }
                });
            }
            return out;
        });
    }

    /** Forgets deletions older than {@code beforeMillis}: no copy that old can still be on its way. */
    void expireTombstones(long beforeMillis) {
        for (TableState state : tables.values()) {
            state.stamps
                    .entrySet()
                    .removeIf(
                            e -> e.getValue().deleted() && e.getValue().stamp().timestamp() < beforeMillis);
        }
    }

    /** The stamp of an item's last write here (tests and the metrics), or null. */
    @Nullable
    WriteStamp stampOf(String table, PrimaryKey key) {
        TableState state = tables.get(table);
        ItemStamp stamp = state == null ? null : state.stamps.get(key);
        return stamp == null ? null : stamp.stamp();
    }

    // ---- the snapshot section

    public SnapshotSection section() {
        return SnapshotSection.of("global-replication", this::capture, chunks -> chunks.forEach(this::decode));
    }

    /** A copy of every replicated table's stamps and queues, taken under the commit lock; encoded off it. */
    private Consumer<Consumer<byte[]>> capture() {
        Engine engine = engine();
        Map<String, CapturedTable> captured = new HashMap<>();
        tables.forEach((name, state) -> {
            Table t = engine.table(name);
            if (t == null) {
                return;
            }
            Map<String, CapturedQueue> queues = new HashMap<>();
            state.queues.forEach((peer, queue) -> queues.put(peer, new CapturedQueue(queue.held(), queue.copy())));
            captured.put(name, new CapturedTable(t.definition(), new HashMap<>(state.stamps), queues));
        });
        return sink -> sink.accept(encode(captured));
    }

    /** One table's replication state as a snapshot captures it: its item stamps and its queues to the peers. */
    private record CapturedTable(
            TableDefinition definition, Map<PrimaryKey, ItemStamp> stamps, Map<String, CapturedQueue> queues) {}

    /** A copy of one queue to a peer region, and whether it is held. */
    private record CapturedQueue(boolean held, List<Replicated> entries) {}

    private static byte[] encode(Map<String, CapturedTable> captured) {
        ByteWriter out = new ByteWriter(4096);
        out.u8(1).varint(captured.size());
        for (Map.Entry<String, CapturedTable> t : captured.entrySet()) {
            TableDefinition def = t.getValue().definition();
            out.string(t.getKey());
            Map<PrimaryKey, ItemStamp> tableStamps = t.getValue().stamps();
            out.varint(tableStamps.size());
            tableStamps.forEach((key, stamp) -> {
                ItemCodec.writeItem(out, Keys.keyAttributes(def, key));
                writeStamp(out, stamp.stamp());
                out.bool(stamp.deleted());
            });
            Map<String, CapturedQueue> queues = t.getValue().queues();
            out.varint(queues.size());
            queues.forEach((peer, queue) -> {
                List<Replicated> entries = queue.entries();
                out.string(peer).bool(queue.held()).varint(entries.size());
                for (Replicated e : entries) {
                    ItemCodec.writeItem(out, Keys.keyAttributes(def, e.key()));
                    StoredItem item = e.newItem();
                    out.bool(item != null);
                    if (item != null) {
                        ItemCodec.writeStored(out, item);
                    }
                    out.bool(e.byService());
                    writeStamp(out, e.stamp());
                    out.i64(e.commitMillis());
                }
            });
        }
        return out.toByteArray();
    }

    private void decode(byte[] chunk) {
        Engine engine = engine();
        ByteReader in = new ByteReader(chunk);
        int version = in.u8();
        if (version != 1) {
            throw new CorruptDataException("unknown global replication snapshot version " + version);
        }
        long tableCount = in.varint();
        for (long i = 0; i < tableCount; i++) {
            String name = in.string();
            Table t = engine.table(name);
            if (t == null) {
                throw new CorruptDataException("global replication state names missing table " + name);
            }
            TableDefinition def = t.definition();
            TableState state = tables.computeIfAbsent(name, n -> new TableState());
            long stampCount = in.varint();
            for (long j = 0; j < stampCount; j++) {
                PrimaryKey key = StoredKeys.of(def.primaryKey(), ItemCodec.readItem(in));
                WriteStamp stamp = readStamp(in);
                state.stamps.put(key, new ItemStamp(stamp, in.bool()));
            }
            long queueCount = in.varint();
            for (long j = 0; j < queueCount; j++) {
                String peer = in.string();
                boolean isHeld = in.bool();
                PeerQueue queue = state.queues.computeIfAbsent(peer, p -> new PeerQueue(this, name, p, isHeld));
                long entries = in.varint();
                for (long k = 0; k < entries; k++) {
                    PrimaryKey key = StoredKeys.of(def.primaryKey(), ItemCodec.readItem(in));
                    @Nullable StoredItem item = in.bool() ? ItemCodec.readStored(in) : null;
                    boolean byService = in.bool();
                    WriteStamp stamp = readStamp(in);
                    queue.add(new Replicated(key, item, byService, stamp, in.i64()));
                }
            }
        }
    }

    private static void writeStamp(ByteWriter out, WriteStamp stamp) {
        out.i64(stamp.timestamp()).string(stamp.region()).varint(stamp.sequence());
    }

    private static WriteStamp readStamp(ByteReader in) {
        long time = in.i64();
        String region = in.string();
        return new WriteStamp(time, region, in.varint());
    }
}
