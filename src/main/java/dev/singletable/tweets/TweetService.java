package dev.singletable.tweets;

import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import dev.singletable.users.UserDirectory;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Posting, reading, listing and deleting tweets. */
@Service
public class TweetService {

    private final TweetRepository tweets;
    private final UserDirectory directory;
    private final Clock clock;

    public TweetService(TweetRepository tweets, UserDirectory directory, Clock clock) {
        this.tweets = tweets;
        this.directory = directory;
        this.clock = clock;
    }

    public TweetItem post(AuthenticatedUser author, String text) {
        String tweetId = Ulid.next();
        TweetItem tweet = new TweetItem();
        tweet.setPk(TweetItem.partitionKey(tweetId));
        tweet.setSk(TweetItem.SORT_KEY);
        tweet.setEntityType(TweetItem.ENTITY_TYPE);
        tweet.setGsi1pk(TweetItem.authorPartition(author.userId()));
        tweet.setGsi1sk(TweetItem.TIMELINE_PREFIX + tweetId);
        tweet.setTweetId(tweetId);
        tweet.setAuthorId(author.userId());
        tweet.setAuthorUsername(author.username());
        tweet.setText(text);
        tweet.setCreatedAt(clock.instant());
        tweet.setLikes(0L);
        tweets.create(tweet);
        return tweet;
    }

    public TweetItem get(String tweetId) {
        if (!known(tweetId)) {
            throw unknownTweet(tweetId);
        }
        return tweets.find(tweetId).orElseThrow(() -> unknownTweet(tweetId));
    }

    /** The user's tweets, newest first; 404 for an unknown user. */
    public Slice<TweetItem> byAuthor(String username, int limit, Map<String, AttributeValue> startKey) {
        return tweets.byAuthor(directory.requireId(username), limit, startKey);
    }

    /**
     * Deletes a tweet and its likes: 404 when unknown, 403 when the caller is not the author. The tweet and its likes
     * come from one Query of its item collection; the tweet goes first (conditionally on its author), then the likes.
     */
    public void delete(AuthenticatedUser caller, String tweetId) {
        if (!known(tweetId)) {
            throw unknownTweet(tweetId);
        }
        Slice<Object> page = tweets.collection(tweetId, null);
        if (page.items().isEmpty() || !(page.items().get(0) instanceof TweetItem tweet)) {
            throw unknownTweet(tweetId);
        }
        if (!tweet.getAuthorId().equals(caller.userId())) {
            throw ApiException.forbidden("Only the author can delete this tweet");
        }
        if (!tweets.deleteTweet(tweetId, caller.userId())) {
            throw unknownTweet(tweetId); // deleted concurrently
        }
        while (true) {
            tweets.deleteLikes(likesIn(page));
            if (!page.hasMore()) {
                return;
            }
            page = tweets.collection(tweetId, page.nextKey());
        }
    }

    private static List<LikeItem> likesIn(Slice<Object> page) {
        return page.items().stream().filter(LikeItem.class::isInstance).map(LikeItem.class::cast).toList();
    }

    /** Ids that are not ULIDs name no tweet: answer 404 without asking the table. */
    public static boolean known(String tweetId) {
        return Ulid.isValid(tweetId);
    }

    public static ApiException unknownTweet(String tweetId) {
        return ApiException.notFound("No tweet " + tweetId);
    }
}
