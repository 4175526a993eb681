package dev.singletable.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class IdempotencyTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final IdempotencyTokens tokens = new IdempotencyTokens(now::get);
    private final AtomicInteger applied = new AtomicInteger();

    @Test
    void aTokenIsRememberedForTenMinutesThenForgottenWhileYoungerOnesStay() {
        run("old", "t1");
        now.addAndGet(60_000);
        run("young", "t1");
        assertThat(applied).hasValue(2);

        // within the window: the same request is answered without applying it, another one is refused
        run("old", "t1");
        assertThat(applied).hasValue(2);
        assertThatThrownBy(() -> run("old", "t2")).isInstanceOf(IdempotentParameterMismatchException.class);

        now.addAndGet(IdempotencyTokens.WINDOW_MILLIS - 60_000);
        // "old" has expired: a different request under its token is new work; "young" is still remembered
        run("old", "t2");
        assertThat(applied).hasValue(3);
        assertThatThrownBy(() -> run("young", "t2")).isInstanceOf(IdempotentParameterMismatchException.class);
    }

    private void run(String token, String table) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
                .clientRequestToken(token)
                .transactItems(
                        i -> i.conditionCheck(c -> c.tableName(table).conditionExpression("attribute_exists(k)")))
                .build();
        tokens.run(token, request, () -> {
            applied.incrementAndGet();
            return TransactWriteItemsResponse.builder().build();
        });
    }
}
