package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * ClientRequestToken idempotency for TransactWriteItems: within ten minutes, the same token with the same request
 * returns the first answer without applying anything again; with a different request it is refused.
 */
final class IdempotencyTokens {

    static final long WINDOW_MILLIS = 10 * 60 * 1000;

    private record Entry(AwsRequest request, AwsResponse response, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    IdempotencyTokens(LongSupplier clock) {
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    synchronized <Q extends AwsRequest, R extends AwsResponse> R run(String token, Q request, Supplier<R> work) {
        long now = clock.getAsLong();
        expire(now);
        AwsRequest comparable = withoutOverrides(request);
        Entry previous = entries.get(token);
        if (previous != null) {
            if (!previous.request().equals(comparable)) {
                throw EngineErrors.idempotentParameterMismatch();
            }
            return (R) previous.response();
        }
        R response = work.get();
        entries.put(token, new Entry(comparable, response, now + WINDOW_MILLIS));
        return response;
    }

    private void expire(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (it.next().expiresAt() <= now) {
                it.remove();
            }
        }
    }

    private static AwsRequest withoutOverrides(AwsRequest request) {
        return request.toBuilder().overrideConfiguration((software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration) null)
                .build();
    }
}
