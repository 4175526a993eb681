package dev.singletable.likes;

import dev.singletable.tweets.TweetService;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Idempotent like and unlike. A like lives in the tweet's item collection; each call is one transaction that also
 * checks the tweet exists, so a like never outlives a concurrently deleted tweet. The tweet's {@code likes} count is
 * kept from the table's stream ({@link LikeCounter}).
 */
@Service
public class LikeService {

    private final LikeRepository likes;
    private final Clock clock;

    LikeService(LikeRepository likes, Clock clock) {
        this.likes = likes;
        this.clock = clock;
    }

    /** 404 when the tweet does not exist; liking twice is not an error. */
    public void like(AuthenticatedUser caller, String tweetId) {
        if (!TweetService.known(tweetId)) {
            throw TweetService.unknownTweet(tweetId);
        }
        LikeItem like = new LikeItem();
        like.setTweetId(tweetId);
        like.setUserId(caller.userId());
        like.setUsername(caller.username());
        like.setCreatedAt(clock.instant());
        if (!likes.like(like)) {
            throw TweetService.unknownTweet(tweetId);
        }
    }

    /** 404 when the tweet does not exist; unliking what one does not like is not an error. */
    public void unlike(AuthenticatedUser caller, String tweetId) {
        if (!TweetService.known(tweetId) || !likes.unlike(tweetId, caller.userId())) {
            throw TweetService.unknownTweet(tweetId);
        }
    }
}
