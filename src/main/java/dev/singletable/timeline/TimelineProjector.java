package dev.singletable.timeline;

import dev.singletable.follows.FollowItem;
import dev.singletable.follows.FollowKeys;
import dev.singletable.follows.FollowRepository;
import dev.singletable.streams.BatchProjector;
import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.StreamImages;
import dev.singletable.table.Slice;
import dev.singletable.tweets.TweetItem;
import dev.singletable.tweets.TweetKeys;
import dev.singletable.tweets.TweetRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
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
 * not written at all), so a feed holds a bounded window. Tweets and follows are read from the stream's images with
 * their own schemas.
 *
 * <p>A batch of stream records ({@link #applyAll}) is applied in stream order, except that a run of new tweets with no
 * other tweet or follow change between them is fanned out together: each author's followers are read once for the
 * run (not once per tweet) and the entries of all the run's tweets go out 25 to a BatchWriteItem (issue 21: over the
 * wire every call is a round trip of the listener's one thread). The followers are read when the run is projected, as
 * a single tweet's are, and after every follow change that precedes the run in the batch, so the run sees the same
 * follower list a tweet-by-tweet fan-out would.
 */
@Component
@ConditionalOnStreams
class TimelineProjector implements BatchProjector {

    static final int PAGE = 100;

    /** Entries written at a time by a run's fan-out: a multiple of BatchWriteItem's 25, bounding the memory a run holds. */
    static final int ENTRIES_PER_WRITE = 100;

    private final FollowRepository follows;
    private final TweetRepository tweets;
    private final FeedRepository feeds;
    private final TimelineProperties settings;
    private final Clock clock;

    TimelineProjector(
            FollowRepository follows,
            TweetRepository tweets,
            FeedRepository feeds,
            TimelineProperties settings,
            Clock clock) {
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
        return Set.of(TweetKeys.ENTITY_TYPE, FollowKeys.ENTITY_TYPE);
    }

    @Override
    public void apply(Record record) {
        OperationType event = record.eventName();
        if (event != OperationType.INSERT && event != OperationType.REMOVE) {
            return; // a tweet's MODIFY is its like count moving: feeds copy no counter
        }
        boolean insert = event == OperationType.INSERT;
        // the listener delivers only the types this projector subscribes to
        switch (Objects.requireNonNull(StreamImages.entityType(record))) {
            case TweetKeys.ENTITY_TYPE -> {
                TweetItem tweet = StreamImages.item(record, TweetItem.SCHEMA);
                if (insert) {
                    fanOut(tweet);
                } else {
                    withdraw(tweet.getAuthorId(), tweet.getTweetId());
                }
            }
            case FollowKeys.ENTITY_TYPE -> {
                FollowItem follow = StreamImages.item(record, FollowItem.SCHEMA);
                if (insert) {
                    backfill(follow.getFollowerId(), follow.getFolloweeId());
                } else {
                    forget(follow.getFollowerId(), follow.getFolloweeId());
                }
            }
            default -> {
                // not subscribed
            }
        }
    }

    @Override
    public void applyAll(List<Record> records) {
        List<TweetItem> run = new ArrayList<>();
        for (Record record : records) {
            OperationType event = record.eventName();
            if (event != OperationType.INSERT && event != OperationType.REMOVE) {
                continue; // a like count moving: nothing to do, and no reason to end the run
            }
            if (event == OperationType.INSERT && TweetKeys.ENTITY_TYPE.equals(StreamImages.entityType(record))) {
                run.add(StreamImages.item(record, TweetItem.SCHEMA));
                continue;
            }
            fanOut(run); // what follows may depend on it (a REMOVE of one of its tweets, an unfollow)
            run.clear();
            apply(record);
        }
        fanOut(run);
    }

    private void fanOut(TweetItem tweet) {
        fanOut(List.of(tweet));
    }

    /** Copies each tweet into the feeds of its author's followers, reading each author's followers once. */
    private void fanOut(List<TweetItem> run) {
        Instant now = clock.instant();
        Map<String, List<TweetItem>> byAuthor = new LinkedHashMap<>();
        for (TweetItem tweet : run) {
            if (expiry(tweet).isAfter(now)) { // else re-delivered long after: out of the window already
                byAuthor.computeIfAbsent(tweet.getAuthorId(), a -> new ArrayList<>())
                        .add(tweet);
            }
        }
        List<FeedEntry> pending = new ArrayList<>();
        byAuthor.forEach((authorId, authored) -> forEachFollowerPage(authorId, followerIds -> {
            for (TweetItem tweet : authored) {
                for (String ownerId : followerIds) {
                    pending.add(entry(ownerId, tweet, expiry(tweet)));
                    if (pending.size() == ENTRIES_PER_WRITE) {
                        feeds.putAll(pending);
                        pending.clear();
                    }
                }
            }
        }));
        if (!pending.isEmpty()) {
            feeds.putAll(pending);
        }
    }

    private Instant expiry(TweetItem tweet) {
        return tweet.getCreatedAt().plus(settings.entryTtl());
    }

    private static FeedEntry entry(String ownerId, TweetItem tweet, Instant expiresAt) {
        return new FeedEntry(
                ownerId,
                tweet.getTweetId(),
                tweet.getAuthorId(),
                tweet.getAuthorUsername(),
                tweet.getText(),
                tweet.getCreatedAt(),
                expiresAt);
    }

    private void withdraw(String authorId, String tweetId) {
        forEachFollowerPage(authorId, followerIds -> feeds.deleteFromFeeds(followerIds, tweetId));
    }

    private void backfill(String followerId, String followeeId) {
        Instant now = clock.instant();
        List<FeedEntry> entries = new ArrayList<>();
        for (TweetItem tweet :
                tweets.byAuthor(followeeId, settings.backfill(), null).items()) {
            Instant expiresAt = tweet.getCreatedAt().plus(settings.entryTtl());
            if (!expiresAt.isAfter(now)) {
                break; // newest first: every later one is older still
            }
            entries.add(entry(followerId, tweet, expiresAt));
        }
        feeds.putAll(entries);
    }

    /**
     * Deletes by key every tweet of the followee that may still be in the feed (those of the window), rather than
     * reading the follower's whole feed to find them: an author's recent tweets are far fewer than a feed's entries.
     */
    private void forget(String followerId, String followeeId) {
        Instant oldest = clock.instant().minus(settings.entryTtl());
        @Nullable Map<String, AttributeValue> start = null;
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

    private void forEachFollowerPage(String authorId, Consumer<List<String>> action) {
        @Nullable Map<String, AttributeValue> start = null;
        while (true) {
            Slice<String> page = follows.followerIds(authorId, PAGE, start);
            action.accept(page.items());
            if (!page.hasMore()) {
                return;
            }
            start = page.nextKey();
        }
    }
}
