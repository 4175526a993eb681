package dev.singletable.engine.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names and headers of the files in a data directory. Log segments and snapshots are named by a sequence number
 * (the first record of a segment, the last mutation a snapshot contains), zero-padded so names sort in order.
 */
public final class SegmentFiles {

    static final byte[] SEGMENT_MAGIC = "STWAL\u0000\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
    /** Magic (8 bytes) then the sequence number of the segment's first record (8). */
    static final int SEGMENT_HEADER_BYTES = 16;

    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d{20})\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.snap");

    private SegmentFiles() {}

    /** A file named by a sequence number. */
    public record Numbered(long sequence, Path path) {}

    public static Path segment(Path dir, long firstSequence) {
        return dir.resolve(String.format("wal-%020d.log", firstSequence));
    }

    public static Path snapshot(Path dir, long lastSequence) {
        return dir.resolve(String.format("snapshot-%020d.snap", lastSequence));
    }

    public static List<Numbered> segments(Path dir) {
        return list(dir, SEGMENT);
    }

    public static List<Numbered> snapshots(Path dir) {
        return list(dir, SNAPSHOT);
    }

    private static List<Numbered> list(Path dir, Pattern pattern) {
        List<Numbered> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new Numbered(Long.parseLong(m.group(1)), p));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return out;
    }

    static byte[] segmentHeader(long firstSequence) {
        ByteWriter w = new ByteWriter(SEGMENT_HEADER_BYTES);
        w.raw(SEGMENT_MAGIC, 0, SEGMENT_MAGIC.length);
        w.i64(firstSequence);
        return w.toByteArray();
    }

    /** Makes a file's creation, rename or deletion durable: fsync of the directory holding it. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for syncing; the data files themselves are still synced
        }
    }
}
