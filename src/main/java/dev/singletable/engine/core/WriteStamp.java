package dev.singletable.engine.core;

/**
 * The version of a write to an item of a global table: when it was made, in which region, and its place in that
 * region's commit order. Stamps are totally ordered (time, then region name, then sequence), so every replica can
 * agree on the last writer without talking to the others: DynamoDB resolves concurrent updates of one item in
 * different regions by last writer wins on the write's timestamp
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html). A replicated
 * change carries the stamp of the write it copies, so a replica's log records it and a restart restores it.
 *
 * @param timestamp milliseconds since the epoch; never below the stamp of what the write replaced (see the global
 *                  package), so a later write in any region always wins over what it overwrote
 * @param region    the region the write was made in: breaks ties between regions deterministically
 * @param sequence  the write's sequence number in its region: orders writes of one region in the same millisecond
 */
public record WriteStamp(long timestamp, String region, long sequence) implements Comparable<WriteStamp> {

    /** The stamp of an item nobody has written since its table became global: older than any write. */
    public static final WriteStamp ZERO = new WriteStamp(0, "", 0);

    @Override
    public int compareTo(WriteStamp other) {
        int c = Long.compare(timestamp, other.timestamp);
        if (c != 0) {
            return c;
        }
        c = region.compareTo(other.region);
        return c != 0 ? c : Long.compare(sequence, other.sequence);
    }

    public boolean isAfter(WriteStamp other) {
        return compareTo(other) > 0;
    }
}
