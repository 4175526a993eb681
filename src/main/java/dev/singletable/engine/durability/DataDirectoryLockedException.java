package dev.singletable.engine.durability;

import java.nio.file.Path;

/**
 * Another engine (in this process or another one) holds the data directory's lock. Two engines writing one log would
 * destroy it, so the second refuses to start; the directory is named so that a launcher can say which setting to change.
 */
public class DataDirectoryLockedException extends IllegalStateException {

    private final transient Path directory;

    public DataDirectoryLockedException(Path directory) {
        super("Data directory " + directory + " is locked by another engine");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
