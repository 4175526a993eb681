package dev.singletable.tweets;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A tweet ({@link TweetKeys}: {@code PK = TWEET#<tweetId>}, {@code SK = TWEET}; in GSI1 under its author). Its likes
 * share the partition. {@code likes} is 0 at creation and kept from the table's stream ({@link TweetCounters}).
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
public class TweetItem extends TableItem {

    public static final TableSchema<TweetItem> SCHEMA = schema(TweetItem.class, MethodHandles.lookup());

    private String tweetId;
    private String authorId;
    private String authorUsername;
    private String text;
    private Instant createdAt;
    private Long likes;

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(TweetKeys.ENTITY_TYPE, TweetKeys.ref(tweetId), TweetKeys.TWEET)
                .gsi1(TweetKeys.byAuthor(authorId), TweetKeys.ref(tweetId));
    }

    public String getTweetId() {
        return tweetId;
    }

    public void setTweetId(String tweetId) {
        this.tweetId = tweetId;
    }

    public String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public void setAuthorUsername(String authorUsername) {
        this.authorUsername = authorUsername;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Long getLikes() {
        return likes;
    }

    public void setLikes(Long likes) {
        this.likes = likes;
    }
}
