package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counters other features move by name are attributes of the profile item. */
class UserCountersTest {

    @Test
    void everyCounterIsAProfileAttribute() {
        assertThat(UserItem.SCHEMA.attributeNames())
                .contains(
                        UserCounters.FOLLOWERS,
                        UserCounters.FOLLOWING,
                        UserCounters.TWEETS,
                        UserCounters.ORDERS,
                        UserCounters.SPENT_CENTS);
        assertThat(UserCounters.of("u1").partitionKeyValue().s()).isEqualTo(UserKeys.partition("u1"));
    }
}
