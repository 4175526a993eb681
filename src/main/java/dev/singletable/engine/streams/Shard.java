package dev.singletable.engine.streams;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shard of a stream: a run of records in sequence order. The open shard takes new records; a closed one has an
 * ending sequence number and, when the stream goes on, a child naming it as parent, as DescribeStream shows them [1].
 * Records older than the retention period are trimmed from the front. Guarded by the {@link StreamStore}'s monitor.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html">DescribeStream</a>
 */
final class Shard {

    final String id;
    final @Nullable String parentId;
    final long createdMillis;
    final long startingSequence;
    private long endingSequence = -1;
    private long closedMillis = -1;
    /** The sequence number of the last trimmed record; below {@link #startingSequence} while nothing was trimmed. */
    private long trimmedThrough;

    private final List<StreamEvent> records = new ArrayList<>();
    private int head;

    Shard(String id, @Nullable String parentId, long createdMillis, long startingSequence) {
        this.id = id;
        this.parentId = parentId;
        this.createdMillis = createdMillis;
        this.startingSequence = startingSequence;
        this.trimmedThrough = startingSequence - 1;
    }

    boolean isOpen() {
        return endingSequence < 0;
    }

    long endingSequence() {
        return endingSequence;
    }

    long closedMillis() {
        return closedMillis;
    }

    long trimmedThrough() {
        return trimmedThrough;
    }

    void append(StreamEvent event) {
        records.add(event);
    }

    /** Ends the shard after its last record (or at its start when it has none). */
    void close(long timeMillis) {
        if (isOpen()) {
            endingSequence = size() == 0
                    ? Math.max(startingSequence, trimmedThrough)
                    : get(size() - 1).sequence();
            closedMillis = timeMillis;
        }
    }

    /** Restores the closed state of a shard read from a snapshot. */
    void restoreClosed(long ending, long closedAt, long trimmed) {
        this.endingSequence = ending;
        this.closedMillis = closedAt;
        this.trimmedThrough = trimmed;
    }

    void restoreTrimmed(long trimmed) {
        this.trimmedThrough = trimmed;
    }

    int size() {
        return records.size() - head;
    }

    StreamEvent get(int i) {
        return records.get(head + i);
    }

    /** The sequence number the next record would need to be at least: just past the last one. */
    long nextSequence() {
        return size() == 0
                ? Math.max(startingSequence, trimmedThrough + 1)
                : get(size() - 1).sequence() + 1;
    }

    /** Index of the first retained record with a sequence number at or above the given one (size() if none). */
    int indexAtOrAfter(long sequence) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).sequence() < sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Drops records written before the cutoff time. */
    void trimBefore(long cutoffMillis) {
        while (size() > 0 && get(0).timeMillis() < cutoffMillis) {
            trimmedThrough = get(0).sequence();
            records.set(head, null);
            head++;
        }
        if (head > 1024 && head > records.size() / 2) {
            records.subList(0, head).clear();
            head = 0;
        }
    }

    /** A copy of the retained records (references only), for a snapshot. */
    List<StreamEvent> retained() {
        return new ArrayList<>(records.subList(head, records.size()));
    }
}
