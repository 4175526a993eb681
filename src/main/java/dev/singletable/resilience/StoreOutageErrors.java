package dev.singletable.resilience;

import java.util.function.Predicate;

/**
 * The store circuit breaker's {@code record-failure-predicate} (application.yml): only an outage of the store (a
 * 5xx, no answer) counts against it. Throttling is met by the retry's backoff; a failed condition or a transaction
 * conflict is the store working.
 */
public class StoreOutageErrors implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable e) {
        return StoreErrors.isOutage(e);
    }
}
