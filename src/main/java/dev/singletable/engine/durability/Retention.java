package dev.singletable.engine.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What of the data directory is kept once a new snapshot is written. Without point-in-time recovery, only the newest
 * snapshot and the log after it; with it, also the newest snapshot taken before the earliest time a restore may ask
 * for, and the log after that one (or, when no snapshot is that old, the whole log, which then starts from the empty
 * engine), since a point-in-time image is rebuilt from a snapshot and the log after it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html).
 */
final class Retention {

    private final Path dir;
    private volatile LongSupplier earliestNeededTime = () -> Long.MAX_VALUE;

    Retention(Path dir) {
        this.dir = dir;
    }

    /** The time from which point-in-time recovery must remain possible (Long.MAX_VALUE when nothing needs it). */
    void retainFrom(LongSupplier earliestTime) {
        this.earliestNeededTime = earliestTime;
    }

    /** Deletes the snapshots and log segments that the snapshot ending at {@code newest} makes unnecessary. */
    void deleteCovered(long newest, WriteAheadLog wal) {
        long neededTime = earliestNeededTime.getAsLong();
        long base = newest;
        List<SegmentFiles.Numbered> snapshots = SegmentFiles.snapshots(dir);
        if (neededTime != Long.MAX_VALUE) {
            base = 0;
            for (SegmentFiles.Numbered s : snapshots) {
                if (s.sequence() <= newest && SnapshotFile.header(s.path()).timeMillis() <= neededTime) {
                    base = s.sequence();
                }
            }
        }
        try {
            for (SegmentFiles.Numbered s : snapshots) {
                if (s.sequence() != newest && s.sequence() != base) {
                    Files.deleteIfExists(s.path());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wal.deleteSegmentsCoveredBy(base);
    }
}
