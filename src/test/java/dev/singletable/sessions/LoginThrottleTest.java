package dev.singletable.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.support.MutableClock;
import dev.singletable.support.TestStores;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableProperties;
import dev.singletable.web.ApiException;
import dev.singletable.web.ProblemType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Issue 17, finding 9: the counters of failed log-ins, on a real store (the bundled engine): per account regardless of
 * case, per client across accounts, a 429 with the rest of the window as Retry-After, a fresh window, a success clearing
 * its account, and the failures in a metric.
 */
class LoginThrottleTest {

    final TestStores.Store store = TestStores.withTable("singletable");
    final MutableClock clock = atAWindowStart(new MutableClock());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LoginThrottle throttle = new LoginThrottle(
            new SingleTable(
                    DynamoDbEnhancedClient.builder()
                            .dynamoDbClient(store.dynamo())
                            .build(),
                    store.dynamo(),
                    new TableProperties("singletable")),
            new SessionProperties(
                    Duration.ofHours(24), new SessionProperties.LoginLimits(3, 5, Duration.ofMinutes(15))),
            clock,
            meters);

    /** The clock moved to the next 15-minute boundary, so the rest of a window is known. */
    static MutableClock atAWindowStart(MutableClock clock) {
        long second = clock.instant().getEpochSecond();
        clock.advance(Duration.ofSeconds(900 - second % 900));
        return clock;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAccountIsRefusedAfterItsFailuresWhateverTheCaseUntilTheWindowEnds() {
        throttle.recordFailure("Ann", "192.0.2.1");
        throttle.recordFailure("ann", "192.0.2.2");
        throttle.recordFailure("ANN", "192.0.2.3");
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> throttle.requireAllowed("aNN", "192.0.2.4"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
                    // the rest of the window: 10 minutes (less the moment the test took; the clock runs)
                    assertThat((Long) e.properties().get("retryAfterSeconds")).isBetween(590L, 600L);
                });
        assertThatCode(() -> throttle.requireAllowed("bob", "192.0.2.4")).doesNotThrowAnyException();
        assertThat(meters.counter("singletable.login.failures").count()).isEqualTo(3);
        assertThat(meters.counter("singletable.login.throttled").count()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        assertThatCode(() -> throttle.requireAllowed("ann", "192.0.2.4")).doesNotThrowAnyException();
    }

    @Test
    void aClientIsRefusedAfterItsFailuresAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "192.0.2.9");
        }

        assertThatThrownBy(() -> throttle.requireAllowed("someone_else", "192.0.2.9"))
                .isInstanceOf(ApiException.class);
        assertThatCode(() -> throttle.requireAllowed("someone_else", "192.0.2.10"))
                .doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsItsAccountsFailures() {
        throttle.recordFailure("carol", "192.0.2.1");
        throttle.recordFailure("carol", "192.0.2.1");
        throttle.recordSuccess("Carol");
        throttle.recordFailure("carol", "192.0.2.1");
        throttle.recordFailure("carol", "192.0.2.1");

        assertThatCode(() -> throttle.requireAllowed("carol", "192.0.2.1")).doesNotThrowAnyException();
    }
}
