package dev.singletable.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.singletable.follows.FollowItem;
import dev.singletable.follows.FollowRepository;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.MutableClock;
import dev.singletable.support.TestUser;
import dev.singletable.table.Ulid;
import dev.singletable.tweets.TweetItem;
import dev.singletable.tweets.TweetKeys;
import dev.singletable.tweets.TweetRepository;
import dev.singletable.users.UserDirectory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** The fan-out beyond one batch of 25, and re-delivered records changing nothing. */
@FullStackTest
class TimelineProjectorFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    FollowRepository follows;

    @Autowired
    UserDirectory users;

    @Autowired
    TweetRepository tweets;

    @Autowired
    FeedRepository feeds;

    @Autowired
    TimelineProjector projector;

    @Autowired
    MutableClock clock;

    @Test
    void aTweetReachesAllFollowersAcrossSeveralBatchesAndRedeliveryChangesNothing() {
        Api api = new Api(http);
        TestUser star = api.newUser("star");
        String starId = users.findId(star.username()).orElseThrow();
        // 60 followers (three batches of fan-out), as edges only: the feed is keyed by id, no account is needed
        List<String> followers =
                IntStream.range(0, 60).mapToObj(i -> Ulid.next()).toList();
        followers.forEach(followerId -> follows.follow(edge(followerId, starId, star.username())));

        String tweetId = api.tweet(star, "to all sixty");

        for (String followerId : followers) {
            Eventually.until(() -> feedOf(followerId), feed -> feed.stream()
                    .anyMatch(e -> e.tweetId().equals(tweetId)));
        }
        TweetItem tweet = tweets.find(tweetId).orElseThrow();
        FeedEntry before = feedOf(followers.get(0)).get(0);
        assertThat(before.authorUsername()).isEqualTo(star.username());
        assertThat(before.text()).isEqualTo("to all sixty");
        assertThat(before.expiresAt().getEpochSecond())
                .isEqualTo(tweet.getCreatedAt().plus(Duration.ofDays(7)).getEpochSecond());

        // the INSERT delivered again (a restart before the checkpoint): the same entries, once each
        projector.apply(record(OperationType.INSERT, tweet));
        projector.apply(record(OperationType.INSERT, tweet));
        for (String followerId : List.of(followers.get(0), followers.get(59))) {
            assertThat(feedOf(followerId))
                    .containsExactly(
                            before.ownerId().equals(followerId)
                                    ? before
                                    : new FeedEntry(
                                            followerId,
                                            before.tweetId(),
                                            before.authorId(),
                                            before.authorUsername(),
                                            before.text(),
                                            before.createdAt(),
                                            before.expiresAt()));
        }

        // the REMOVE, delivered twice: gone from every feed, and the repeat is harmless
        projector.apply(record(OperationType.REMOVE, tweet));
        projector.apply(record(OperationType.REMOVE, tweet));
        for (String followerId : followers) {
            assertThat(feedOf(followerId)).isEmpty();
        }
    }

    @Test
    void aTweetOlderThanTheWindowIsNotFannedOut() {
        Api api = new Api(http);
        TestUser author = api.newUser("old");
        String authorId = users.findId(author.username()).orElseThrow();
        String followerId = Ulid.next();
        follows.follow(edge(followerId, authorId, author.username()));
        // e.g. a record re-delivered after a long outage: its entry would already be past the feed's window
        TweetItem old = new TweetItem();
        old.setTweetId(Ulid.next());
        old.setAuthorId(authorId);
        old.setAuthorUsername(author.username());
        old.setText("eight days ago");
        old.setCreatedAt(clock.instant().minus(Duration.ofDays(8)));

        projector.apply(record(OperationType.INSERT, old));

        assertThat(feedOf(followerId)).extracting(FeedEntry::tweetId).doesNotContain(old.getTweetId());
        assertThat(feeds.feed(followerId, 100, null, clock.instant().minus(Duration.ofDays(30)))
                        .items())
                .extracting(FeedEntry::tweetId)
                .doesNotContain(old.getTweetId());
    }

    /**
     * Issue 21: over the wire each store call is a round trip of the listener's one thread, and a burst of tweets by
     * one author read the same followers once per tweet. A batch's run of new tweets reads each author's followers
     * once and writes all its entries together; a REMOVE ends the run (it must follow its own INSERT's fan-out), a
     * like count's MODIFY does not.
     */
    @Test
    void aBatchOfNewTweetsReadsEachAuthorsFollowersOnceAndStaysInStreamOrder() {
        String a = Ulid.next();
        String b = Ulid.next();
        List<String> followersOfA =
                IntStream.range(0, 10).mapToObj(i -> Ulid.next()).toList();
        List<String> followersOfB =
                IntStream.range(0, 3).mapToObj(i -> Ulid.next()).toList();
        followersOfA.forEach(followerId -> follows.follow(edge(followerId, a, "a")));
        followersOfB.forEach(followerId -> follows.follow(edge(followerId, b, "b")));
        TweetItem a1 = unstoredTweet(a, "a1");
        TweetItem a2 = unstoredTweet(a, "a2");
        TweetItem b1 = unstoredTweet(b, "b1");
        TweetItem a3 = unstoredTweet(a, "a3");
        TweetItem a4 = unstoredTweet(a, "a4");
        FollowRepository countedFollows = spy(follows);
        FeedRepository countedFeeds = spy(feeds);
        TimelineProjector batching = new TimelineProjector(
                countedFollows, tweets, countedFeeds, new TimelineProperties(Duration.ofDays(7), 20), clock);

        batching.applyAll(List.of(
                record(OperationType.INSERT, a1),
                record(OperationType.INSERT, a2),
                record(OperationType.INSERT, b1),
                record(OperationType.INSERT, a3),
                record(OperationType.MODIFY, a1),
                record(OperationType.REMOVE, a2),
                record(OperationType.INSERT, a4)));

        for (String followerId : followersOfA) {
            assertThat(feedOf(followerId)).extracting(FeedEntry::text).containsExactlyInAnyOrder("a1", "a3", "a4");
        }
        for (String followerId : followersOfB) {
            assertThat(feedOf(followerId)).extracting(FeedEntry::text).containsExactly("b1");
        }
        // the run a1 a2 b1 a3 reads a's and b's followers once each, the REMOVE of a2 and the run a4 once each;
        // tweet by tweet it was 6 reads and 5 writes of entries
        verify(countedFollows, times(3)).followerIds(eq(a), anyInt(), any());
        verify(countedFollows, times(1)).followerIds(eq(b), anyInt(), any());
        verify(countedFeeds, times(2)).putAll(anyList());
    }

    private TweetItem unstoredTweet(String authorId, String text) {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId(Ulid.next());
        tweet.setAuthorId(authorId);
        tweet.setAuthorUsername("author");
        tweet.setText(text);
        tweet.setCreatedAt(clock.instant());
        return tweet;
    }

    private List<FeedEntry> feedOf(String ownerId) {
        return feeds.feed(ownerId, 100, null, clock.instant()).items();
    }

    private static FollowItem edge(String followerId, String followeeId, String followeeUsername) {
        FollowItem edge = new FollowItem();
        edge.setFollowId(Ulid.next());
        edge.setFollowerId(followerId);
        edge.setFollowerUsername("ghost");
        edge.setFolloweeId(followeeId);
        edge.setFolloweeUsername(followeeUsername);
        edge.setCreatedAt(java.time.Instant.now());
        return edge;
    }

    /** A stream record of the tweet as DynamoDB would deliver it (NEW_AND_OLD_IMAGES). */
    private static Record record(OperationType event, TweetItem tweet) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("PK", AttributeValue.fromS(tweet.getPk()));
        image.put("SK", AttributeValue.fromS(tweet.getSk()));
        image.put("entityType", AttributeValue.fromS(TweetKeys.ENTITY_TYPE));
        image.put("tweetId", AttributeValue.fromS(tweet.getTweetId()));
        image.put("authorId", AttributeValue.fromS(tweet.getAuthorId()));
        image.put("authorUsername", AttributeValue.fromS(tweet.getAuthorUsername()));
        image.put("text", AttributeValue.fromS(tweet.getText()));
        image.put("createdAt", AttributeValue.fromS(tweet.getCreatedAt().toString()));
        StreamRecord.Builder data =
                StreamRecord.builder().sequenceNumber("1").keys(Map.of("PK", image.get("PK"), "SK", image.get("SK")));
        if (event == OperationType.REMOVE) {
            data.oldImage(image);
        } else {
            data.newImage(image);
        }
        return Record.builder().eventName(event).dynamodb(data.build()).build();
    }
}
