package dev.singletable.tweets;

import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import dev.singletable.users.UserDirectory;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Posting, reading, listing and deleting tweets. */
@Service
public class TweetService {

    private final TweetRepository tweets;
    private final UserDirectory directory;
    private final Clock clock;

    TweetService(TweetRepository tweets, UserDirectory directory, Clock clock) {
        this.tweets = tweets;
        this.directory = directory;
        this.clock = clock;
    }

    public TweetItem post(AuthenticatedUser author, String text) {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId(Ulid.next());
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
    public Slice<TweetItem> byAuthor(String username, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return tweets.byAuthor(directory.requireId(username), limit, startKey);
    }

    /**
     * Deletes a tweet and its likes: 404 when unknown, 403 when the caller is not the author. The tweet goes first
     * (conditionally on its author), then the rest of its item collection.
     */
    public void delete(AuthenticatedUser caller, String tweetId) {
        TweetItem tweet = get(tweetId);
        if (!tweet.getAuthorId().equals(caller.userId())) {
            throw ApiException.forbidden("Only the author can delete this tweet");
        }
        if (!tweets.deleteTweet(tweetId, caller.userId())) {
            throw unknownTweet(tweetId); // deleted concurrently
        }
        tweets.deleteCollection(tweetId);
    }

    /** Ids that are not ULIDs name no tweet: answer 404 without asking the table. */
    public static boolean known(String tweetId) {
        return Ulid.isValid(tweetId);
    }

    public static ApiException unknownTweet(String tweetId) {
        return ApiException.notFound("No tweet " + tweetId);
    }
}
