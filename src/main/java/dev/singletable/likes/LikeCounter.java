package dev.singletable.likes;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.Counters;
import dev.singletable.streams.ItemCounter;
import dev.singletable.streams.OnceOnly;
import dev.singletable.tweets.TweetCounters;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A tweet's {@code likes} count, from the likes appearing and going in the table's stream. */
@Component
@ConditionalOnStreams
class LikeCounter extends ItemCounter<LikeItem> {

    LikeCounter(OnceOnly onceOnly) {
        super("like-counts", LikeKeys.ENTITY_TYPE, LikeItem.SCHEMA, onceOnly);
    }

    @Override
    protected List<Update> count(LikeItem like, long delta) {
        return List.of(Counters.add(TweetCounters.of(like.getTweetId()), TweetCounters.LIKES, delta));
    }
}
