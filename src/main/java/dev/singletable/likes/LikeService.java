package dev.singletable.likes;

import dev.singletable.tweets.LikeItem;
import dev.singletable.tweets.TweetItem;
import dev.singletable.tweets.TweetRepository;
import dev.singletable.tweets.TweetService;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Idempotent like and unlike. A like lives in the tweet's item collection; each call is one transaction that also
 * checks the tweet exists, so a like never outlives a concurrently deleted tweet. The tweet's {@code likes} count is
 * the stream listener's to maintain.
 */
@Service
public class LikeService {

    private final TweetRepository tweets;
    private final Clock clock;

    public LikeService(TweetRepository tweets, Clock clock) {
        this.tweets = tweets;
        this.clock = clock;
    }

    /** 404 when the tweet does not exist; liking twice is not an error. */
    public void like(AuthenticatedUser caller, String tweetId) {
        if (!TweetService.known(tweetId)) {
            throw TweetService.unknownTweet(tweetId);
        }
        LikeItem like = new LikeItem();
        like.setPk(TweetItem.partitionKey(tweetId));
        like.setSk(LikeItem.sortKey(caller.userId()));
        like.setEntityType(LikeItem.ENTITY_TYPE);
        like.setTweetId(tweetId);
        like.setUserId(caller.userId());
        like.setUsername(caller.username());
        like.setCreatedAt(clock.instant());
        if (!tweets.like(like)) {
            throw TweetService.unknownTweet(tweetId);
        }
    }

    /** 404 when the tweet does not exist; unliking what one does not like is not an error. */
    public void unlike(AuthenticatedUser caller, String tweetId) {
        if (!TweetService.known(tweetId) || !tweets.unlike(tweetId, caller.userId())) {
            throw TweetService.unknownTweet(tweetId);
        }
    }
}
