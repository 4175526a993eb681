package dev.singletable.tweets;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.Counters;
import dev.singletable.streams.ItemCounter;
import dev.singletable.streams.OnceOnly;
import dev.singletable.users.UserCounters;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A user's {@code tweets} count, from the tweets appearing and going in the table's stream. */
@Component
@ConditionalOnStreams
class TweetCounter extends ItemCounter<TweetItem> {

    TweetCounter(OnceOnly onceOnly) {
        super("tweet-counts", TweetKeys.ENTITY_TYPE, TweetItem.SCHEMA, onceOnly);
    }

    @Override
    protected List<Update> count(TweetItem tweet, long delta) {
        return List.of(Counters.add(UserCounters.of(tweet.getAuthorId()), UserCounters.TWEETS, delta));
    }
}
