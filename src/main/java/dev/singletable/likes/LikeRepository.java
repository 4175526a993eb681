package dev.singletable.likes;

import dev.singletable.table.Conditions;
import dev.singletable.table.ConditionsFailedException;
import dev.singletable.table.LabelledTransaction;
import dev.singletable.table.SingleTable;
import dev.singletable.tweets.TweetKeys;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;

/**
 * Likes ({@link LikeKeys}). Like and unlike are each one transaction of two actions: a ConditionCheck that the tweet
 * exists ({@value #TWEET}) and the put or delete of {@code SK = LIKE#user} ({@value #LIKE}), so a like never outlives
 * a concurrently deleted tweet.
 */
@Repository
class LikeRepository {

    static final String TWEET = "tweet";
    static final String LIKE = "like";

    private final SingleTable table;
    private final DynamoDbTable<LikeItem> likes;

    LikeRepository(SingleTable table) {
        this.table = table;
        this.likes = table.of(LikeItem.SCHEMA);
    }

    /** Puts the like unless present; false when the tweet does not exist. */
    boolean like(LikeItem like) {
        try {
            new LabelledTransaction()
                    .check(TWEET, likes, tweetExists(like.getTweetId()))
                    .put(
                            LIKE,
                            likes,
                            TransactPutItemEnhancedRequest.builder(LikeItem.class)
                                    .item(like)
                                    .conditionExpression(Conditions.NEW_ITEM)
                                    .build())
                    .commit(table.dynamo());
            return true;
        } catch (ConditionsFailedException failed) {
            return !failed.failed(TWEET); // only the like's condition: liked already, which is the goal
        }
    }

    /** Deletes the like if present; false when the tweet does not exist. */
    boolean unlike(String tweetId, String userId) {
        try {
            new LabelledTransaction()
                    .check(TWEET, likes, tweetExists(tweetId))
                    .delete(
                            LIKE,
                            likes,
                            TransactDeleteItemEnhancedRequest.builder()
                                    .key(LikeKeys.like(tweetId, userId))
                                    .build())
                    .commit(table.dynamo());
            return true;
        } catch (ConditionsFailedException failed) {
            return false;
        }
    }

    /** A check on the tweet's own key: any mapping of the table serves, the key attributes being the same. */
    private static ConditionCheck<LikeItem> tweetExists(String tweetId) {
        return ConditionCheck.builder()
                .key(TweetKeys.tweet(tweetId))
                .conditionExpression(Conditions.EXISTS)
                .build();
    }
}
