package dev.singletable.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counter the likes feature moves by name is an attribute of the tweet item, at the tweet's key. */
class TweetCountersTest {

    @Test
    void theLikesCounterIsATweetAttribute() {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId("01JD5B2C3D4E5F6G7H8J9K0M1N");
        assertThat(TweetItem.SCHEMA.attributeNames()).contains(TweetCounters.LIKES);
        assertThat(TweetCounters.of(tweet.getTweetId()).partitionKeyValue().s()).isEqualTo(tweet.getPk());
        assertThat(TweetCounters.of(tweet.getTweetId())
                        .sortKeyValue()
                        .orElseThrow()
                        .s())
                .isEqualTo(tweet.getSk());
    }
}
