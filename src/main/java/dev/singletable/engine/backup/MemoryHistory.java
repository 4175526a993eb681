package dev.singletable.engine.backup;

import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.durability.SnapshotFile;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Point-in-time recovery for an in-memory engine, which has no log to read back: for each table with recovery
 * enabled, a copy of its items when recovery was enabled, plus every change since, in commit order. As the
 * recovery window moves on, the oldest changes are folded into the copy, so memory stays bounded by the window.
 */
final class MemoryHistory implements CommitListener, PointInTimeSource {

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    /** One change: a new definition, or an item's new state (null when deleted). */
    private record Change(
            long timeMillis,
            @Nullable TableDefinition definition,
            @Nullable PrimaryKey key,
            @Nullable StoredItem item) {}

    private static final class Tracked {
        final String name;
        final int days;
        long baseMillis;
        TableDefinition baseDefinition;
        final TreeMap<PrimaryKey, StoredItem> base;
        final Deque<Change> changes = new ArrayDeque<>();

        Tracked(Table table, int days, long now) {
            this.name = table.name();
            this.days = days;
            this.baseMillis = now;
            this.baseDefinition = table.definition();
            this.base = new TreeMap<>(table.data().items());
        }

        void fold(long nowMillis) {
            long cutoff = nowMillis - days * DAY_MILLIS;
            while (!changes.isEmpty() && changes.peekFirst().timeMillis() < cutoff) {
                Change c = changes.pollFirst();
                apply(base, c);
                if (c.definition() != null) {
                    baseDefinition = c.definition();
                }
                baseMillis = c.timeMillis();
            }
        }
    }

    private final Map<String, Tracked> tracked = new HashMap<>();

    @Override
    public synchronized void enabled(Table table, PitrSetting setting) {
        tracked.putIfAbsent(
                setting.tableId(), new Tracked(table, setting.recoveryPeriodDays(), setting.enabledAtMillis()));
    }

    @Override
    public synchronized void disabled(String tableId) {
        tracked.remove(tableId);
    }

    @Override
    public synchronized void committed(long sequence, java.util.List<ItemChange> changes, long commitTimeMillis) {
        for (ItemChange c : changes) {
            Tracked t = tracked.get(c.table().definition().tableId());
            if (t != null) {
                t.changes.addLast(new Change(commitTimeMillis, null, c.key(), c.newItem()));
                t.fold(commitTimeMillis);
            }
        }
    }

    @Override
    public synchronized void tableRedefined(Table table, TableDefinition previous, long timeMillis) {
        Tracked t = tracked.get(table.definition().tableId());
        if (t != null) {
            t.changes.addLast(new Change(timeMillis, table.definition(), null, null));
        }
    }

    @Override
    public synchronized void tableDropped(Table table, long timeMillis) {
        tracked.remove(table.definition().tableId());
    }

    @Override
    public synchronized SnapshotFile.@Nullable TableImage tableAt(String tableName, String tableId, long timeMillis) {
        Tracked t = tracked.get(tableId);
        if (t == null || timeMillis < t.baseMillis) {
            return null;
        }
        TreeMap<PrimaryKey, StoredItem> items = new TreeMap<>(t.base);
        TableDefinition definition = t.baseDefinition;
        for (Change c : t.changes) {
            if (c.timeMillis() > timeMillis) {
                break;
            }
            apply(items, c);
            if (c.definition() != null) {
                definition = c.definition();
            }
        }
        return new SnapshotFile.TableImage(definition, new ArrayList<>(items.values()));
    }

    private static void apply(TreeMap<PrimaryKey, StoredItem> items, Change c) {
        if (c.key() == null) {
            return;
        }
        if (c.item() == null) {
            items.remove(c.key());
        } else {
            items.put(c.key(), c.item());
        }
    }
}
