package dev.singletable.engine.wire;

import org.jspecify.annotations.Nullable;

/**
 * The request body could not be turned into the operation's input shape. Answered as AWS answers it:
 * 400 {@code com.amazon.coral.service#SerializationException}, with a {@code Message} when AWS gives one
 * (type mismatches) and none for JSON that does not parse at all.
 */
final class WireSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WireSerializationException(@Nullable String message) {
        super(message, null, false, false);
    }

    /** For syntactically broken JSON, where AWS sends no message. */
    static WireSerializationException withoutMessage() {
        return new WireSerializationException(null);
    }
}
