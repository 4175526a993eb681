package dev.singletable.sessions;

import dev.singletable.table.SingleTable;
import dev.singletable.users.UserDirectory;
import dev.singletable.web.ApiException;
import dev.singletable.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Brute-force protection of the log-in: failed attempts are counted per account (the username as typed, regardless
 * of case, whether or not it exists) and per client (its address), each in a fixed window; once either count reaches
 * its limit, log-ins for that account or from that client are refused with 429 and {@code Retry-After} (the rest of
 * the window) before any password is checked. A successful log-in clears its account's count.
 *
 * <p>The counts are items of the table, not memory: an <em>atomic counter with TTL</em>. {@code UpdateItem ADD failures
 * :one} is atomic without a read, so concurrent failures on several instances all count; the window is in the sort key,
 * so a new window starts from zero without a reset, and {@code ttl} lets DynamoDB delete the old windows for free.
 * In memory, each instance would allow the limit again, and a restart would forget it. The cost: two consistent reads
 * per log-in and two writes per failure, the same for known and unknown usernames, so the answer time still tells
 * nobody whether an account exists.
 */
@Component
class LoginThrottle {

    private static final String ACCOUNT = "ACCOUNT#";
    private static final String CLIENT = "CLIENT#";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final SessionProperties.LoginLimits limits;
    private final Clock clock;
    private final Counter failures;
    private final Counter refusals;

    LoginThrottle(SingleTable table, SessionProperties properties, Clock clock, MeterRegistry meters) {
        this.dynamo = table.dynamo();
        this.tableName = table.name();
        this.limits = properties.login();
        this.clock = clock;
        this.failures = Counter.builder("singletable.login.failures")
                .description("Log-ins refused for a wrong username or password")
                .register(meters);
        this.refusals = Counter.builder("singletable.login.throttled")
                .description("Log-ins refused unchecked (429): too many failures for the account or the client")
                .register(meters);
    }

    /** 429 when the account or the client has used up its failures in the current window. */
    void requireAllowed(String username, String client) {
        Instant now = clock.instant();
        long window = windowStart(now);
        if (count(ACCOUNT + account(username), window) >= limits.perAccount()
                || count(CLIENT + client, window) >= limits.perClient()) {
            refusals.increment();
            long seconds = Math.max(1, window + limits.window().toSeconds() - now.getEpochSecond());
            throw new ApiException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "Too many failed log-ins; retry in " + seconds + " s",
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    void recordFailure(String username, String client) {
        failures.increment();
        long window = windowStart(clock.instant());
        increment(ACCOUNT + account(username), window);
        increment(CLIENT + client, window);
    }

    void recordSuccess(String username) {
        dynamo.deleteItem(r -> r.tableName(tableName)
                .key(SessionKeys.loginFailures(ACCOUNT + account(username), windowStart(clock.instant()))));
    }

    private long count(String subject, long window) {
        AttributeValue count = dynamo.getItem(r ->
                        r.tableName(tableName).consistentRead(true).key(SessionKeys.loginFailures(subject, window)))
                .item()
                .get("failures");
        return count == null || count.n() == null ? 0 : Long.parseLong(count.n());
    }

    private void increment(String subject, long window) {
        long expires =
                window + limits.window().toSeconds() + Duration.ofHours(1).toSeconds();
        dynamo.updateItem(r -> r.tableName(tableName)
                .key(SessionKeys.loginFailures(subject, window))
                .updateExpression("ADD failures :one SET #type = :type, #ttl = :ttl")
                .expressionAttributeNames(Map.of("#type", SingleTable.ENTITY_TYPE, "#ttl", SingleTable.TTL))
                .expressionAttributeValues(Map.of(
                        ":one",
                        AttributeValue.fromN("1"),
                        ":type",
                        AttributeValue.fromS(SessionKeys.LOGIN_FAILURES_ENTITY_TYPE),
                        ":ttl",
                        AttributeValue.fromN(Long.toString(expires)))));
    }

    private long windowStart(Instant now) {
        long size = limits.window().toSeconds();
        return now.getEpochSecond() / size * size;
    }

    /** Usernames match regardless of case; a name that is no username still counts, under its own spelling. */
    private static String account(String username) {
        return UserDirectory.normalize(username);
    }
}
