package dev.singletable.timeline;

import dev.singletable.table.Slice;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read side of the home timeline: the caller's feed, which the fan-out keeps from the table's stream ({@link TimelineProjector}).
 * Reading is one Query of one partition, however many accounts the caller follows (fan-out on write).
 */
@Service
@EnableConfigurationProperties(TimelineProperties.class)
class TimelineService {

    private final FeedRepository feeds;
    private final Clock clock;

    TimelineService(FeedRepository feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    public Slice<FeedEntry> timeline(
            AuthenticatedUser caller, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return feeds.feed(caller.userId(), limit, startKey, clock.instant());
    }
}
