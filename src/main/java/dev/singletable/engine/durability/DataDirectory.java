package dev.singletable.engine.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A durable engine's data directory, held by one process at a time: an OS file lock on its {@code LOCK} file, taken
 * when it is opened and released when it is closed (or by the OS when the process dies, so a crash never leaves the
 * directory locked). A second engine opening the same directory is refused rather than let two writers interleave
 * their logs.
 */
final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "LOCK";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; {@link DataDirectoryLockedException} if another holds it. */
    static DataDirectory lock(Path path) {
        FileChannel channel;
        try {
            Files.createDirectories(path);
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data directory " + path, e);
        }
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            acquired = null;
        }
        if (acquired == null) {
            closeQuietly(channel);
            throw new DataDirectoryLockedException(path);
        }
        return new DataDirectory(path, channel, acquired);
    }

    Path path() {
        return path;
    }

    /** Deletes the {@code .tmp} files a crash left half written (a snapshot is renamed into place only when whole). */
    void deleteLeftovers() {
        try (Stream<Path> files = Files.list(path)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // the lock goes with the channel anyway
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
