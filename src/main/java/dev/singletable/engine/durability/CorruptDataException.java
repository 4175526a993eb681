package dev.singletable.engine.durability;

/**
 * Stored data that cannot be what the engine wrote: a bad checksum, a broken record, a gap in the sequence. The engine
 * refuses to start on it rather than run on silently damaged data; the message names the file and offset when known.
 */
public class CorruptDataException extends RuntimeException {

    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
