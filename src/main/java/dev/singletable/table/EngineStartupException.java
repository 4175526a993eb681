package dev.singletable.table;

import java.io.IOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The bundled engine cannot start for a reason the user can fix: its port is taken, its data directory is held by
 * another engine, or its data cannot be read. The message is one line that names the cause and the setting to change
 * (both the Spring property and DynamoDB Local's flag); {@link EngineStartupFailureAnalyzer} shows it instead of a
 * stack trace, in the service and in {@code --engine-only} alike.
 */
public class EngineStartupException extends RuntimeException {

    private final String action;

    EngineStartupException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }

    static EngineStartupException cannotListen(String bindAddress, int port, Throwable cause) {
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
            return new EngineStartupException(
                    "port " + port + " is in use (singletable.engine.port / -port); " + "is DynamoDB Local running?",
                    "Stop the process that holds port " + port + ", or choose another port: -port N with "
                            + "--engine-only, --singletable.engine.port=N otherwise (0 picks a free port; in the "
                            + "service, -1 turns the engine's port off).",
                    cause);
        }
        String reason = cause instanceof UnresolvedAddressException ? "unknown address" : cause.getMessage();
        return new EngineStartupException(
                "cannot listen on " + bindAddress + ":" + port + ": " + reason
                        + " (singletable.engine.bind-address / singletable.engine.port)",
                "Choose an address of this machine (127.0.0.1, or 0.0.0.0 for every interface) and a free port.",
                cause);
    }

    static EngineStartupException dataDirectoryLocked(Path directory, Throwable cause) {
        return new EngineStartupException(
                "data directory " + directory + " is in use by another engine "
                        + "(singletable.engine.data-dir / -dbPath)",
                "Stop the other engine or service that uses " + directory + ", or give this one its own directory: "
                        + "-dbPath DIR with --engine-only, --singletable.engine.data-dir=DIR otherwise "
                        + "(or keep nothing on disk: -inMemory).",
                cause);
    }

    static EngineStartupException damagedData(Path directory, Throwable cause) {
        return new EngineStartupException(
                "the data in " + directory + " is damaged: " + cause.getMessage()
                        + " (singletable.engine.data-dir / -dbPath)",
                "Restore " + directory + " from a backup, or move it aside to start with an empty directory; the "
                        + "engine does not run on data it cannot trust.",
                cause);
    }

    static EngineStartupException unreadableData(Path directory, IOException cause, Throwable failure) {
        return new EngineStartupException(
                "the data directory " + directory + " cannot be used: " + reason(cause)
                        + " (singletable.engine.data-dir / -dbPath)",
                "Check that " + directory + " is a directory this user may read and write, with free space, or "
                        + "choose another one.",
                failure);
    }

    private static String reason(IOException cause) {
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a directory";
        }
        if (cause instanceof NoSuchFileException missing) {
            return "no such file " + missing.getFile();
        }
        if (cause instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason() + (other.getFile() == null ? "" : " (" + other.getFile() + ")");
        }
        return String.valueOf(cause.getMessage());
    }
}
