package dev.singletable.engine.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the log back, segment by segment, and checks it as it goes: every frame's checksum, every record's decoding,
 * and that sequence numbers follow each other without a gap. Damage at the very end of the last segment is a torn
 * tail (a write the crash interrupted; it was never acknowledged): reading stops there and, when repairing, the file
 * is cut back and the bytes discarded are logged. Damage anywhere else, including a torn tail followed by a valid
 * frame, is corruption, reported with the file and offset, and the engine does not start.
 */
final class LogReader {

    private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

    private LogReader() {}

    /** What a read found: the last record handed over, the torn bytes found, the bytes of the records read. */
    public record Result(long lastSequence, long discardedBytes, long bytesRead) {}

    /**
     * Hands every record with a sequence number above {@code afterSequence} to the consumer, in order, until the
     * consumer returns false.
     *
     * @param expectedFirst the sequence number the first record above {@code afterSequence} must have (the one after
     *                      the snapshot), so a missing segment is detected
     * @param repair        cut a torn tail off the last segment (recovery); false only reads (point-in-time restore)
     */
    public static Result read(Path dir, long afterSequence, Predicate<LogRecord> consumer, boolean repair) {
        List<SegmentFiles.Numbered> segments = SegmentFiles.segments(dir);
        long last = afterSequence;
        long discarded = 0;
        long bytes = 0;
        for (int i = 0; i < segments.size(); i++) {
            SegmentFiles.Numbered segment = segments.get(i);
            boolean lastSegment = i == segments.size() - 1;
            if (i + 1 < segments.size() && segments.get(i + 1).sequence() <= afterSequence + 1) {
                continue; // wholly covered by the snapshot
            }
            SegmentScan scan = scan(segment, lastSegment, afterSequence, last, consumer);
            last = scan.lastSequence;
            bytes += scan.bytesRead;
            if (scan.stopped) {
                break;
            }
            if (scan.tornAt >= 0) {
                discarded = scan.fileLength - scan.tornAt;
                if (repair) {
                    truncate(segment.path(), scan.tornAt);
                    LOG.warn(
                            "Recovery discarded a torn tail of {} bytes at offset {} of {}",
                            discarded,
                            scan.tornAt,
                            segment.path());
                }
            }
        }
        return new Result(last, discarded, bytes);
    }

    private record SegmentScan(long lastSequence, long tornAt, long fileLength, long bytesRead, boolean stopped) {}

    private static SegmentScan scan(
            SegmentFiles.Numbered segment,
            boolean lastSegment,
            long afterSequence,
            long previous,
            Predicate<LogRecord> consumer) {
        Path path = segment.path();
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log segment " + path, e);
        }
        if (data.length < SegmentFiles.SEGMENT_HEADER_BYTES) {
            if (lastSegment) {
                // the crash came while the segment was being created: nothing in it was ever acknowledged
                return new SegmentScan(previous, data.length == 0 ? -1 : 0, data.length, 0, false);
            }
            throw corrupt(path, 0, "segment header is incomplete");
        }
        if (!Arrays.equals(
                data,
                0,
                SegmentFiles.SEGMENT_MAGIC.length,
                SegmentFiles.SEGMENT_MAGIC,
                0,
                SegmentFiles.SEGMENT_MAGIC.length)) {
            throw corrupt(path, 0, "not a log segment");
        }
        long base = new ByteReader(data, 8, 8).i64();
        if (base != segment.sequence()) {
            throw corrupt(path, 8, "segment header names sequence " + base);
        }
        long last = previous;
        int pos = SegmentFiles.SEGMENT_HEADER_BYTES;
        while (pos < data.length) {
            int length = Frames.validFrameAt(data, pos, data.length);
            if (length < 0) {
                if (lastSegment && !Frames.anyValidFrameAfter(data, pos, data.length)) {
                    return new SegmentScan(last, pos, data.length, pos - SegmentFiles.SEGMENT_HEADER_BYTES, false);
                }
                throw corrupt(path, pos, "damaged record");
            }
            LogRecord record;
            try {
                record = LogRecordCodec.read(new ByteReader(data, pos + Frames.HEADER_BYTES, length));
            } catch (RuntimeException e) {
                throw corrupt(path, pos, "undecodable record: " + e.getMessage());
            }
            long seq = record.sequence();
            if (seq > afterSequence) {
                if (seq != last + 1) {
                    throw corrupt(path, pos, "record " + seq + " follows record " + last);
                }
                if (!consumer.test(record)) {
                    return new SegmentScan(last, -1, data.length, pos - SegmentFiles.SEGMENT_HEADER_BYTES, true);
                }
                last = seq;
            } else if (seq < base) {
                throw corrupt(path, pos, "record " + seq + " precedes the segment's first sequence " + base);
            }
            pos += Frames.HEADER_BYTES + length;
        }
        return new SegmentScan(last, -1, data.length, data.length - SegmentFiles.SEGMENT_HEADER_BYTES, false);
    }

    private static CorruptDataException corrupt(Path path, long offset, String what) {
        return new CorruptDataException("Corrupt write-ahead log " + path + " at offset " + offset + ": " + what);
    }

    private static void truncate(Path path, long length) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the torn tail off " + path, e);
        }
    }
}
