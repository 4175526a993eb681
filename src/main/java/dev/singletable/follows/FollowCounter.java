package dev.singletable.follows;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.Counters;
import dev.singletable.streams.ItemCounter;
import dev.singletable.streams.OnceOnly;
import dev.singletable.users.UserCounters;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The follower's {@code following} and the followee's {@code followers}, from follow edges appearing and going. */
@Component
@ConditionalOnStreams
class FollowCounter extends ItemCounter<FollowItem> {

    FollowCounter(OnceOnly onceOnly) {
        super("follow-counts", FollowKeys.ENTITY_TYPE, FollowItem.SCHEMA, onceOnly);
    }

    @Override
    protected List<Update> count(FollowItem follow, long delta) {
        return List.of(
                Counters.add(UserCounters.of(follow.getFollowerId()), UserCounters.FOLLOWING, delta),
                Counters.add(UserCounters.of(follow.getFolloweeId()), UserCounters.FOLLOWERS, delta));
    }
}
