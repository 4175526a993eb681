package dev.singletable.engine.durability;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table as it was at a moment, rebuilt from the newest snapshot taken at or before it and the log after that
 * snapshot, up to the moment: the basis of point-in-time recovery
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/pointintimerecovery_restores.html).
 * {@link Retention} keeps the files this needs. Reads only: the log is not repaired here.
 */
final class PointInTimeImages {

    private final Path dir;

    PointInTimeImages(Path dir) {
        this.dir = dir;
    }

    /**
     * The incarnation of the table named and identified as given, at {@code timeMillis}; null when it did not exist
     * then. The caller makes sure the log's pending records are in its files and that no snapshot deletes what is read.
     */
    SnapshotFile.@Nullable TableImage tableAt(String tableName, String tableId, long timeMillis) {
        SegmentFiles.Numbered base = null;
        for (SegmentFiles.Numbered s : SegmentFiles.snapshots(dir)) {
            if (SnapshotFile.header(s.path()).timeMillis() <= timeMillis) {
                base = s;
            }
        }
        PointInTimeTable table = new PointInTimeTable(tableName, tableId);
        long after = 0;
        if (base != null) {
            after = base.sequence();
            table.start(SnapshotFile.readTable(base.path(), tableName));
        } else {
            List<SegmentFiles.Numbered> segments = SegmentFiles.segments(dir);
            if (!segments.isEmpty() && segments.get(0).sequence() != 1) {
                throw new IllegalStateException("the log before " + timeMillis + " is no longer retained");
            }
        }
        LogReader.read(
                dir,
                after,
                record -> {
                    if (record.timeMillis() > timeMillis) {
                        return false;
                    }
                    table.apply(record);
                    return true;
                },
                false);
        return table.image();
    }
}
