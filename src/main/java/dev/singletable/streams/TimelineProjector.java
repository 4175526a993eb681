package dev.singletable.streams;

import dev.singletable.follows.FollowItem;
import dev.singletable.follows.FollowRepository;
import dev.singletable.table.Slice;
import dev.singletable.timeline.FeedEntry;
import dev.singletable.timeline.FeedRepository;
import dev.singletable.timeline.TimelineProperties;
import dev.singletable.tweets.TweetItem;
import dev.singletable.tweets.TweetRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Home timelines, fan-out on write:
 * <ul>
 *   <li>a new tweet is copied into the feed of every follower of its author (the followers come from GSI1, a page of
 *       100 at a time, and are written with BatchWriteItem);</li>
 *   <li>a deleted tweet is removed from the feeds of the author's followers (from the REMOVE record's old image);</li>
 *   <li>a new follow copies the followee's most recent tweets (at most {@code backfill}) into the follower's feed;</li>
 *   <li>an unfollow removes the followee's tweets of the feed's window from the follower's feed.</li>
 * </ul>
 * Every effect is a put of a whole entry or a delete by key, so a re-delivered record rewrites what is there already:
 * no marker is needed. An entry lives {@code entryTtl} after its tweet was posted (the key of a tweet older than that is
 * not written at all), so a feed holds a bounded window.
 */
public class TimelineProjector implements Projector {

    static final int PAGE = 100;

    private final FollowRepository follows;
    private final TweetRepository tweets;
    private final FeedRepository feeds;
    private final TimelineProperties settings;
    private final Clock clock;

    public TimelineProjector(FollowRepository follows, TweetRepository tweets, FeedRepository feeds,
                             TimelineProperties settings, Clock clock) {
        this.follows = follows;
        this.tweets = tweets;
        this.feeds = feeds;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(TweetItem.ENTITY_TYPE, FollowItem.ENTITY_TYPE);
    }

    @Override
    public void apply(Record record) {
        OperationType event = record.eventName();
        if (event != OperationType.INSERT && event != OperationType.REMOVE) {
            return; // a tweet's MODIFY is its like count moving: feeds copy no counter
        }
        boolean insert = event == OperationType.INSERT;
        switch (StreamItems.entityType(record)) {
            case TweetItem.ENTITY_TYPE -> {
                if (insert) {
                    fanOut(record);
                } else {
                    withdraw(StreamItems.string(record, "authorId"), StreamItems.string(record, "tweetId"));
                }
            }
            case FollowItem.ENTITY_TYPE -> {
                String followerId = StreamItems.string(record, "followerId");
                String followeeId = StreamItems.string(record, "followeeId");
                if (insert) {
                    backfill(followerId, followeeId);
                } else {
                    forget(followerId, followeeId);
                }
            }
            default -> {
                // not subscribed
            }
        }
    }

    private void fanOut(Record record) {
        Instant createdAt = Instant.parse(StreamItems.string(record, "createdAt"));
        Instant expiresAt = createdAt.plus(settings.entryTtl());
        if (!expiresAt.isAfter(clock.instant())) {
            return; // re-delivered long after: the entry would be out of the window already
        }
        String authorId = StreamItems.string(record, "authorId");
        String tweetId = StreamItems.string(record, "tweetId");
        String authorUsername = StreamItems.string(record, "authorUsername");
        String text = StreamItems.string(record, "text");
        forEachFollowerPage(authorId, followerIds -> feeds.putAll(followerIds.stream()
                .map(ownerId -> new FeedEntry(ownerId, tweetId, authorId, authorUsername, text, createdAt, expiresAt))
                .toList()));
    }

    private void withdraw(String authorId, String tweetId) {
        forEachFollowerPage(authorId, followerIds -> feeds.deleteFromFeeds(followerIds, tweetId));
    }

    private void backfill(String followerId, String followeeId) {
        Instant now = clock.instant();
        List<FeedEntry> entries = new ArrayList<>();
        for (TweetItem tweet : tweets.byAuthor(followeeId, settings.backfill(), null).items()) {
            Instant expiresAt = tweet.getCreatedAt().plus(settings.entryTtl());
            if (!expiresAt.isAfter(now)) {
                break; // newest first: every later one is older still
            }
            entries.add(new FeedEntry(followerId, tweet.getTweetId(), tweet.getAuthorId(), tweet.getAuthorUsername(),
                    tweet.getText(), tweet.getCreatedAt(), expiresAt));
        }
        feeds.putAll(entries);
    }

    /**
     * Deletes by key every tweet of the followee that may still be in the feed (those of the window), rather than
     * reading the follower's whole feed to find them: an author's recent tweets are far fewer than a feed's entries.
     */
    private void forget(String followerId, String followeeId) {
        Instant oldest = clock.instant().minus(settings.entryTtl());
        Map<String, AttributeValue> start = null;
        while (true) {
            Slice<TweetItem> page = tweets.byAuthor(followeeId, PAGE, start);
            List<String> ids = new ArrayList<>();
            boolean older = false;
            for (TweetItem tweet : page.items()) {
                if (tweet.getCreatedAt().isBefore(oldest)) {
                    older = true;
                    break;
                }
                ids.add(tweet.getTweetId());
            }
            feeds.deleteAll(followerId, ids);
            if (older || !page.hasMore()) {
                return;
            }
            start = page.nextKey();
        }
    }

    private void forEachFollowerPage(String authorId, java.util.function.Consumer<List<String>> action) {
        Map<String, AttributeValue> start = null;
        while (true) {
            Slice<FollowItem> page = follows.followers(authorId, PAGE, start);
            action.accept(page.items().stream().map(FollowItem::getFollowerId).toList());
            if (!page.hasMore()) {
                return;
            }
            start = page.nextKey();
        }
    }
}
