package dev.singletable.engine.backup;

import dev.singletable.engine.durability.SnapshotFile;
import dev.singletable.engine.storage.StoredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Where backups keep their items: files under the data directory, or the heap of an in-memory engine. */
interface BackupStorage {

    void save(BackupEntry backup, List<StoredItem> items);

    List<StoredItem> load(BackupEntry backup);

    void delete(BackupEntry backup);

    /** Drops data no backup refers to (left by a crash between writing the data and recording the backup). */
    void keepOnly(Set<String> ids);

    /** The items of each backup, held as the immutable stored items themselves. */
    final class InMemory implements BackupStorage {
        private final Map<String, List<StoredItem>> data = new ConcurrentHashMap<>();

        @Override
        public void save(BackupEntry backup, List<StoredItem> items) {
            data.put(backup.id(), List.copyOf(items));
        }

        @Override
        public List<StoredItem> load(BackupEntry backup) {
            return data.getOrDefault(backup.id(), List.of());
        }

        @Override
        public void delete(BackupEntry backup) {
            data.remove(backup.id());
        }

        @Override
        public void keepOnly(Set<String> ids) {
            data.keySet().retainAll(ids);
        }
    }

    /** One file per backup, in the engine's checked snapshot format, written atomically. */
    final class OnDisk implements BackupStorage {
        private static final String SUFFIX = ".backup";
        private final Path dir;

        OnDisk(Path dataDir) {
            this.dir = dataDir.resolve("backups");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Path path(BackupEntry backup) {
            return dir.resolve(backup.id() + SUFFIX);
        }

        @Override
        public void save(BackupEntry backup, List<StoredItem> items) {
            SnapshotFile.writeTable(path(backup), backup.createdMillis(), backup.source(), items);
        }

        @Override
        public List<StoredItem> load(BackupEntry backup) {
            SnapshotFile.TableImage image = SnapshotFile.readTable(path(backup), backup.tableName());
            return image == null ? List.of() : image.items();
        }

        @Override
        public void delete(BackupEntry backup) {
            try {
                Files.deleteIfExists(path(backup));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void keepOnly(Set<String> ids) {
            Set<String> wanted = new HashSet<>();
            ids.forEach(id -> wanted.add(id + SUFFIX));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    if (!wanted.contains(p.getFileName().toString())) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
