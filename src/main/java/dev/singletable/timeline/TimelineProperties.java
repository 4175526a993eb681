package dev.singletable.timeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How home timelines are bounded.
 *
 * @param entryTtl how long a feed entry lives after its tweet was posted; DynamoDB's TTL then deletes it, so a feed
 *                 holds about this window of its followees' tweets and never grows without bound
 * @param backfill how many of the followee's most recent tweets a new follow copies into the follower's feed
 */
@ConfigurationProperties("singletable.timeline")
record TimelineProperties(
        @DefaultValue("7d") Duration entryTtl,
        @DefaultValue("20") int backfill) {}
