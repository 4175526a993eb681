package dev.singletable.resilience;

import java.util.function.Predicate;

/**
 * The store retry's {@code retry-exception-predicate} (application.yml): throttling, 5xx, no answer, and transactions
 * cancelled only by conflicts. Never a failed condition or a validation error: resending those cannot help.
 */
public class RetryableStoreErrors implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable e) {
        return StoreErrors.isRetryable(e);
    }
}
