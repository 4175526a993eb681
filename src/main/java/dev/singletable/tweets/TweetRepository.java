package dev.singletable.tweets;

import dev.singletable.table.BatchDeletes;
import dev.singletable.table.ConditionsFailedException;
import dev.singletable.table.ItemTypes;
import dev.singletable.table.LabelledTransaction;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Tweets and their likes (one item collection per tweet). Access patterns:
 * <ul>
 *   <li>a tweet by id: GetItem {@code PK = TWEET#id, SK = TWEET};</li>
 *   <li>an author's tweets, newest first: Query GSI1 {@code GSI1PK = USER#author AND begins_with(GSI1SK, "TWEET#")},
 *       descending;</li>
 *   <li>a tweet with its likes (for deletion): Query {@code PK = TWEET#id}, descending so the tweet comes first,
 *       each item mapped by its entity type;</li>
 *   <li>like / unlike: one transaction checking the tweet exists and putting / deleting {@code SK = LIKE#user}.</li>
 * </ul>
 */
@Repository
public class TweetRepository {

    static final String TWEET = "tweet";
    static final String LIKE = "like";

    private static final Map<String, String> PK_NAME = Map.of("#pk", SingleTable.PK);
    private static final Expression NEW_ITEM = Expression.builder()
            .expression("attribute_not_exists(#pk)").expressionNames(PK_NAME).build();
    private static final Expression EXISTS = Expression.builder()
            .expression("attribute_exists(#pk)").expressionNames(PK_NAME).build();
    private static final ItemTypes COLLECTION = ItemTypes.builder()
            .add(TweetItem.ENTITY_TYPE, TweetItem.class)
            .add(LikeItem.ENTITY_TYPE, LikeItem.class)
            .build();
    private static final int COLLECTION_PAGE = 100;

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<TweetItem> tweets;
    private final DynamoDbTable<LikeItem> likes;

    public TweetRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.tweets = table.of(TweetItem.class);
        this.likes = table.of(LikeItem.class);
    }

    public void create(TweetItem tweet) {
        tweets.putItem(r -> r.item(tweet).conditionExpression(NEW_ITEM));
    }

    public Optional<TweetItem> find(String tweetId) {
        return Optional.ofNullable(tweets.getItem(r -> r.key(tweetKey(tweetId)).consistentRead(true)));
    }

    public Slice<TweetItem> byAuthor(String authorId, int limit, Map<String, AttributeValue> startKey) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(SingleTable.GSI1)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", SingleTable.GSI1PK, "#sk", SingleTable.GSI1SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TweetItem.authorPartition(authorId)),
                        ":prefix", AttributeValue.fromS(TweetItem.TIMELINE_PREFIX)))
                .scanIndexForward(false)
                .build();
        return pager.page(query, limit, startKey, tweets.tableSchema()::mapToItem);
    }

    /**
     * One page of a tweet's item collection: the tweet (first, when it exists) and its likes, each as its own class.
     */
    public Slice<Object> collection(String tweetId, Map<String, AttributeValue> startKey) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(PK_NAME)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TweetItem.partitionKey(tweetId))))
                .scanIndexForward(false) // "TWEET" sorts after "LIKE#...": descending puts the tweet first
                .consistentRead(true)
                .build();
        return pager.page(query, COLLECTION_PAGE, startKey, COLLECTION::map);
    }

    /** Deletes the tweet if it still exists and is the author's; false when it is not (anymore). */
    public boolean deleteTweet(String tweetId, String authorId) {
        try {
            tweets.deleteItem(r -> r.key(tweetKey(tweetId)).conditionExpression(Expression.builder()
                    .expression("#author = :author")
                    .expressionNames(Map.of("#author", "authorId"))
                    .expressionValues(Map.of(":author", AttributeValue.fromS(authorId)))
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    public void deleteLikes(List<LikeItem> items) {
        BatchDeletes.deleteAll(table.enhanced(), likes, items.stream()
                .map(like -> Key.builder().partitionValue(like.getPk()).sortValue(like.getSk()).build())
                .toList());
    }

    /** Puts the like unless present; false when the tweet does not exist. */
    public boolean like(LikeItem like) {
        try {
            new LabelledTransaction()
                    .check(TWEET, tweets, tweetExists(like.getTweetId()))
                    .put(LIKE, likes, TransactPutItemEnhancedRequest.builder(LikeItem.class)
                            .item(like).conditionExpression(NEW_ITEM).build())
                    .commit(table.enhanced());
            return true;
        } catch (ConditionsFailedException failed) {
            return !failed.failed(TWEET); // only the like's condition: liked already, which is the goal
        }
    }

    /** Deletes the like if present; false when the tweet does not exist. */
    public boolean unlike(String tweetId, String userId) {
        try {
            new LabelledTransaction()
                    .check(TWEET, tweets, tweetExists(tweetId))
                    .delete(LIKE, likes, TransactDeleteItemEnhancedRequest.builder()
                            .key(Key.builder().partitionValue(TweetItem.partitionKey(tweetId))
                                    .sortValue(LikeItem.sortKey(userId)).build())
                            .build())
                    .commit(table.enhanced());
            return true;
        } catch (ConditionsFailedException failed) {
            return false;
        }
    }

    private static ConditionCheck<TweetItem> tweetExists(String tweetId) {
        return ConditionCheck.builder().key(tweetKey(tweetId)).conditionExpression(EXISTS).build();
    }

    private static Key tweetKey(String tweetId) {
        return Key.builder().partitionValue(TweetItem.partitionKey(tweetId)).sortValue(TweetItem.SORT_KEY).build();
    }
}
