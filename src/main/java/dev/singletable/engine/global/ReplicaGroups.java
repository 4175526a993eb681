package dev.singletable.engine.global;

import dev.singletable.engine.durability.ByteReader;
import dev.singletable.engine.durability.ByteWriter;
import dev.singletable.engine.durability.CorruptDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Which tables are global and where their replicas are: per account and table name, the regions of the replication
 * group, in the order they joined, with each replica's status. The whole registry is small; every change is written
 * whole to the home region's log before it takes effect (and saved in its snapshots), so a restart finds it as it was
 * and resumes whatever a replica was in the middle of (a backfill, a removal).
 */
final class ReplicaGroups {

    /** A replica's lifecycle, as DescribeTable's ReplicaStatus shows it. */
    public enum Status {
        CREATING,
        ACTIVE,
        DELETING
    }

    /**
     * One region of a group.
     *
     * @param source       the region whose endpoint added this replica (null for the region the table was created in):
     *                     for 24 hours it may not be removed while this replica exists (AWS's rule)
     * @param addedAtMillis when the replica was added
     * @param tableClass   a TableClassOverride given for this replica, or null
     */
    public record Member(
            String region,
            Status status,
            @Nullable String source,
            long addedAtMillis,
            @Nullable String tableClass) {

        Member withStatus(Status newStatus) {
            return new Member(region, newStatus, source, addedAtMillis, tableClass);
        }

        Member withTableClass(String newTableClass) {
            return new Member(region, status, source, addedAtMillis, newTableClass);
        }
    }

    /** A table's replication group: its members in the order they joined. */
    public record Group(String account, String table, List<Member> members) {

        public Group {
            members = List.copyOf(members);
        }

        public Optional<Member> member(String region) {
            return members.stream().filter(m -> m.region().equals(region)).findFirst();
        }

        /** The members a write made in {@code region} is sent to: every other one that is not being removed. */
        List<String> peersOf(String region) {
            List<String> peers = new ArrayList<>();
            for (Member m : members) {
                if (!m.region().equals(region) && m.status() != Status.DELETING) {
                    peers.add(m.region());
                }
            }
            return peers;
        }

        /** Whether a replica is being added or removed (the group then refuses other replica changes). */
        public boolean changing() {
            return members.stream().anyMatch(m -> m.status() != Status.ACTIVE);
        }

        Group with(Member member) {
            List<Member> next = new ArrayList<>();
            boolean replaced = false;
            for (Member m : members) {
                if (m.region().equals(member.region())) {
                    next.add(member);
                    replaced = true;
                } else {
                    next.add(m);
                }
            }
            if (!replaced) {
                next.add(member);
            }
            return new Group(account, table, next);
        }

        Group without(String region) {
            return new Group(
                    account,
                    table,
                    members.stream().filter(m -> !m.region().equals(region)).toList());
        }
    }

    private record Key(String account, String table) {}

    private final Map<Key, Group> groups = new ConcurrentHashMap<>();
    private volatile Consumer<byte[]> journal = state -> {};

    /** Where each new state is recorded before it takes effect (the home region's log); none in memory. */
    void journalTo(Consumer<byte[]> newJournal) {
        this.journal = newJournal;
    }

    /** Whether no table replicates at all (the common case, checked first on every write and request). */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public Optional<Group> group(String account, String table) {
        return Optional.ofNullable(groups.get(new Key(account, table)));
    }

    /** The member of {@code region} in the group of a table, if the table there is a replica. */
    public Optional<Member> member(String account, String region, String table) {
        Group group = groups.get(new Key(account, table));
        return group == null ? Optional.empty() : group.member(region);
    }

    /** Whether the table of that name in that region replicates (a group has it and at least one other member). */
    public boolean replicates(String account, String region, String table) {
        Group group = groups.get(new Key(account, table));
        return group != null && group.member(region).isPresent();
    }

    public List<Group> all() {
        return List.copyOf(groups.values());
    }

    /** Records a group's new state (a group of one member is no group: the table is regional again). */
    synchronized void put(Group group) {
        Map<Key, Group> next = new LinkedHashMap<>(groups);
        Key key = new Key(group.account(), group.table());
        if (group.members().size() <= 1) {
            next.remove(key);
        } else {
            next.put(key, group);
        }
        journal.accept(encode(next.values()));
        groups.put(key, group);
        if (group.members().size() <= 1) {
            groups.remove(key);
        }
    }

    // ---- the recorded state

    byte[] encode() {
        return encode(groups.values());
    }

    private static byte[] encode(Iterable<Group> all) {
        ByteWriter out = new ByteWriter(256);
        List<Group> list = new ArrayList<>();
        all.forEach(list::add);
        out.u8(1).varint(list.size());
        for (Group g : list) {
            out.string(g.account()).string(g.table()).varint(g.members().size());
            for (Member m : g.members()) {
                out.string(m.region())
                        .u8(m.status().ordinal())
                        .optString(m.source())
                        .i64(m.addedAtMillis())
                        .optString(m.tableClass());
            }
        }
        return out.toByteArray();
    }

    /** Replaces the whole registry with a recorded state (recovery). */
    synchronized void restore(byte[] state) {
        ByteReader in = new ByteReader(state);
        int version = in.u8();
        if (version != 1) {
            throw new CorruptDataException("unknown global tables registry version " + version);
        }
        Map<Key, Group> restored = new LinkedHashMap<>();
        long n = in.varint();
        for (long i = 0; i < n; i++) {
            String account = in.string();
            String table = in.string();
            long count = in.varint();
            List<Member> members = new ArrayList<>();
            for (long j = 0; j < count; j++) {
                String region = in.string();
                Status status = Status.values()[in.u8()];
                String source = in.optString();
                long added = in.i64();
                members.add(new Member(region, status, source, added, in.optString()));
            }
            restored.put(new Key(account, table), new Group(account, table, members));
        }
        groups.clear();
        groups.putAll(restored);
    }
}
