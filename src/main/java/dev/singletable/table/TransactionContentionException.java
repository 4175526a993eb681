package dev.singletable.table;

/**
 * A transaction kept colliding with concurrent transactions on the same items (cancellation reason
 * {@code TransactionConflict}) after a few retries. Nothing was written; retrying later is safe.
 */
class TransactionContentionException extends RetryableStoreException {

    TransactionContentionException(Throwable cause) {
        super("transaction kept conflicting with concurrent writes", cause);
    }
}
