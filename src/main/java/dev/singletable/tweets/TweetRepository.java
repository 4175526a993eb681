package dev.singletable.tweets;

import dev.singletable.table.BatchWrites;
import dev.singletable.table.Conditions;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Tweets ({@link TweetKeys}). Access patterns:
 * <ul>
 *   <li>a tweet by id: GetItem {@code PK = TWEET#id, SK = TWEET};</li>
 *   <li>an author's tweets, newest first: Query GSI1 {@code GSI1PK = USER#author AND begins_with(GSI1SK, "TWEET#")},
 *       descending;</li>
 *   <li>post: PutItem {@code attribute_not_exists(PK)}; delete: DeleteItem conditioned on the author, then the rest of
 *       the tweet's item collection (its likes), read key by key with one consistent Query and deleted in batches.</li>
 * </ul>
 */
@Repository
public class TweetRepository {

    private static final int COLLECTION_PAGE = 100;

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<TweetItem> tweets;

    TweetRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.tweets = table.of(TweetItem.SCHEMA);
    }

    void create(TweetItem tweet) {
        tweets.putItem(r -> r.item(tweet).conditionExpression(Conditions.NEW_ITEM));
    }

    public Optional<TweetItem> find(String tweetId) {
        return Optional.ofNullable(
                tweets.getItem(r -> r.key(TweetKeys.tweet(tweetId)).consistentRead(true)));
    }

    public Slice<TweetItem> byAuthor(String authorId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryRequest query = table.query(KeyQuery.Index.GSI1, TweetKeys.byAuthor(authorId))
                .sortKeyStartsWith(TweetKeys.REF_PREFIX)
                .newestFirst()
                .build();
        return pager.page(query, limit, startKey, TweetMapping::map);
    }

    /** Deletes the tweet if it still exists and is the author's; false when it is not (anymore). */
    boolean deleteTweet(String tweetId, String authorId) {
        try {
            tweets.deleteItem(r -> r.key(TweetKeys.tweet(tweetId))
                    .conditionExpression(Expression.builder()
                            .expression("#author = :author")
                            .expressionNames(Map.of("#author", "authorId"))
                            .expressionValues(Map.of(":author", AttributeValue.fromS(authorId)))
                            .build()));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    /**
     * Deletes what is left of a tweet's item collection once the tweet is gone (its likes): a consistent Query for
     * the keys only, a page at a time, each page deleted with BatchWriteItem.
     */
    void deleteCollection(String tweetId) {
        QueryRequest query = table.query(KeyQuery.Index.TABLE, TweetKeys.ref(tweetId))
                .keysOnly()
                .consistent()
                .build();
        @Nullable Map<String, AttributeValue> start = null;
        do {
            Slice<Map<String, AttributeValue>> keys = pager.page(query, COLLECTION_PAGE, start, key -> key);
            BatchWrites.write(
                    table.dynamo(),
                    table.name(),
                    keys.items().stream().map(BatchWrites::delete).toList());
            start = keys.nextKey();
        } while (start != null);
    }
}
