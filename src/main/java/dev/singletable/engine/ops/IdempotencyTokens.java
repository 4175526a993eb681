package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * ClientRequestToken idempotency for TransactWriteItems: within ten minutes, the same token with the same request
 * returns the first answer without applying anything again; with a different request it is refused.
 *
 * <p>Every SDK fills the token in by itself, so over the wire every transaction is remembered here. Entries are
 * kept in the order they were made, which is the order they expire in: expiring looks only at the oldest, instead
 * of walking all of them on every transaction (ten minutes at 1 000 transactions a second is 600 000 entries).
 * The ten-minute window and the mismatch error are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">TransactWriteItems</a>
 */
final class IdempotencyTokens {

    static final long WINDOW_MILLIS = 10 * 60 * 1000;

    private record Entry(AwsRequest request, AwsResponse response, long expiresAt) {}

    /** Oldest first; guarded by this object's monitor, like {@link #run}. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

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
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt() > now) {
                // every later entry was made later, so expires later
                return;
            }
            it.remove();
        }
    }

    private static AwsRequest withoutOverrides(AwsRequest request) {
        return request.toBuilder()
                .overrideConfiguration((software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration) null)
                .build();
    }
}
