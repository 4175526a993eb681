package dev.singletable.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.resilience.GuardedStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The full-stack tests exercise the bundled engine unless DynamoDB Local is asked for explicitly. */
@FullStackTest
class FullStackStoreTest {

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void theServiceTalksToTheChosenStore() {
        String store = System.getProperty(FullStackTestConfiguration.STORE_PROPERTY, "engine");
        // the service's client is the store behind its retry and circuit breaker (GuardedStore)
        String client = GuardedStore.unguarded(dynamo).getClass().getName();
        if (store.equals("dynamodb-local")) {
            assertThat(client).doesNotStartWith("dev.singletable.engine.");
        } else {
            assertThat(client).startsWith("dev.singletable.engine.");
        }
    }
}
