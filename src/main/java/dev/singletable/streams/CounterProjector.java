package dev.singletable.streams;

import dev.singletable.follows.FollowItem;
import dev.singletable.table.SingleTable;
import dev.singletable.tweets.LikeItem;
import dev.singletable.tweets.TweetItem;
import dev.singletable.users.UserItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The social counters: a user's {@code followers}, {@code following} and {@code tweets}, and a tweet's {@code likes}.
 * An INSERT of a follow, tweet or like adds 1, a REMOVE subtracts 1 (a MODIFY changes no count). Each change is an
 * {@code ADD} that leaves {@code version} alone, so a new follower never invalidates the owner's ETag, and it runs
 * through {@link OnceOnly}, so a re-delivered record moves no counter twice.
 */
public class CounterProjector implements Projector {

    private final OnceOnly onceOnly;

    public CounterProjector(OnceOnly onceOnly) {
        this.onceOnly = onceOnly;
    }

    @Override
    public String name() {
        return "counters";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(FollowItem.ENTITY_TYPE, TweetItem.ENTITY_TYPE, LikeItem.ENTITY_TYPE);
    }

    @Override
    public void apply(Record record) {
        int delta = delta(record.eventName());
        if (delta == 0) {
            return;
        }
        List<Update> updates = new ArrayList<>();
        switch (StreamItems.entityType(record)) {
            case FollowItem.ENTITY_TYPE -> {
                updates.add(add(userKey(StreamItems.string(record, "followerId")), "following", delta));
                updates.add(add(userKey(StreamItems.string(record, "followeeId")), "followers", delta));
            }
            case TweetItem.ENTITY_TYPE -> updates.add(add(userKey(StreamItems.string(record, "authorId")), "tweets", delta));
            case LikeItem.ENTITY_TYPE -> updates.add(add(tweetKey(StreamItems.string(record, "tweetId")), "likes", delta));
            default -> {
                return;
            }
        }
        onceOnly.apply(name(), record.dynamodb().sequenceNumber(), updates);
    }

    private static int delta(OperationType event) {
        if (event == OperationType.INSERT) {
            return 1;
        }
        return event == OperationType.REMOVE ? -1 : 0;
    }

    private static Update add(Map<String, AttributeValue> key, String counter, int delta) {
        return Update.builder().key(key)
                .updateExpression("ADD #counter :delta")
                .expressionAttributeNames(Map.of("#counter", counter))
                .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(delta))))
                .build();
    }

    private static Map<String, AttributeValue> userKey(String userId) {
        return Map.of(SingleTable.PK, AttributeValue.fromS(UserItem.partitionKey(userId)),
                SingleTable.SK, AttributeValue.fromS(UserItem.SORT_KEY));
    }

    private static Map<String, AttributeValue> tweetKey(String tweetId) {
        return Map.of(SingleTable.PK, AttributeValue.fromS(TweetItem.partitionKey(tweetId)),
                SingleTable.SK, AttributeValue.fromS(TweetItem.SORT_KEY));
    }
}
