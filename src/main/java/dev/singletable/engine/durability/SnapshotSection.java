package dev.singletable.engine.durability;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State of another subsystem (streams, backups) that a snapshot must carry, because the log records it was built
 * from are deleted once the snapshot exists.
 */
public interface SnapshotSection {

    /** A unique, stable name: the section's key in the snapshot file. */
    String name();

    /**
     * Called under the commit lock, at the snapshot's sequence number: returns a writer of a consistent copy of the
     * state, which the snapshot then runs off the lock, handing it chunks of bytes.
     */
    Consumer<Consumer<byte[]>> capture();

    /** Rebuilds the state from the chunks a capture wrote, before the log after the snapshot is replayed. */
    void restore(List<byte[]> chunks);

    /** A section of this name whose capture and restore are the owner's own methods (see {@link #capture}, {@link #restore}). */
    static SnapshotSection of(
            String name, Supplier<Consumer<Consumer<byte[]>>> capture, Consumer<List<byte[]>> restore) {
        return new SnapshotSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Consumer<Consumer<byte[]>> capture() {
                return capture.get();
            }

            @Override
            public void restore(List<byte[]> chunks) {
                restore.accept(chunks);
            }
        };
    }
}
