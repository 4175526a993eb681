package dev.singletable.table;

import org.jspecify.annotations.Nullable;

/**
 * The store could not complete a write for now (contention, throttled batch writes) and nothing about the request is
 * wrong: the same request can be retried later. The API answers 503 with Retry-After.
 */
public class RetryableStoreException extends RuntimeException {

    public RetryableStoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
