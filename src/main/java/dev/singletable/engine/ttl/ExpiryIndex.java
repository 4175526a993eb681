package dev.singletable.engine.ttl;

import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * One table's items in the order they fall due: each item whose TTL attribute holds a Number, by the whole second of
 * that time. A sweep then reads only the seconds that have passed instead of the whole table. The commit listener
 * ({@link ExpirySchedule}) keeps it current and the sweeper may add to it from a scan at the same time, so it can hold
 * stale entries (an item since changed or gone) but never lacks a live one; the sweeper checks every entry against the
 * item before deleting and drops the stale ones.
 */
final class ExpiryIndex {

    /** An item's key under the second it falls due; a null key sorts before every key of its second (range bounds). */
    record Due(long second, @Nullable PrimaryKey key) {}

    private static final Comparator<Due> ORDER = Comparator.comparingLong(Due::second)
            .thenComparing(Due::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String attribute;
    private final NavigableSet<Due> entries = new ConcurrentSkipListSet<>(ORDER);

    ExpiryIndex(String attribute) {
        this.attribute = attribute;
    }

    /** The TTL attribute this index was built for. */
    String attribute() {
        return attribute;
    }

    /** The second the item falls due, or null when its TTL attribute is missing or not a Number. */
    @Nullable
    Long dueSecond(@Nullable StoredItem item) {
        return item == null ? null : TtlRules.dueSecond(item.attributes().get(attribute));
    }

    void add(PrimaryKey key, @Nullable StoredItem item) {
        Long second = dueSecond(item);
        if (second != null) {
            entries.add(new Due(second, key));
        }
    }

    /** One committed change of the item at this key: moves its entry to the second the new version falls due. */
    void changed(PrimaryKey key, @Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        Long before = dueSecond(oldItem);
        Long after = dueSecond(newItem);
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            entries.remove(new Due(before, key));
        }
        if (after != null) {
            entries.add(new Due(after, key));
        }
    }

    void remove(Due due) {
        entries.remove(due);
    }

    /**
     * The entries of the seconds in [fromSecond, untilMillis): those that may have expired by then and are not more
     * than five years old. Weakly consistent: entries may come and go while it is read.
     */
    Iterator<Due> due(long fromSecond, long untilMillis) {
        long lastSecond = Math.floorDiv(untilMillis - 1, 1000);
        if (lastSecond < fromSecond) {
            return Collections.emptyIterator();
        }
        return entries.subSet(new Due(fromSecond, null), true, new Due(lastSecond + 1, null), false)
                .iterator();
    }

    int size() {
        return entries.size();
    }
}
