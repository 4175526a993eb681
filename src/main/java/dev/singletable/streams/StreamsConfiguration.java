package dev.singletable.streams;

import dev.singletable.follows.FollowRepository;
import dev.singletable.table.TableProperties;
import dev.singletable.timeline.FeedRepository;
import dev.singletable.timeline.TimelineProperties;
import dev.singletable.tweets.TweetRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The stream listener and its projectors; {@code singletable.streams.enabled=false} turns them off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "singletable.streams.enabled", havingValue = "true", matchIfMissing = true)
public class StreamsConfiguration {

    @Bean
    OnceOnly onceOnly(DynamoDbClient dynamo, TableProperties table, Clock clock) {
        return new OnceOnly(dynamo, table.name(), clock);
    }

    @Bean
    CounterProjector counterProjector(OnceOnly onceOnly) {
        return new CounterProjector(onceOnly);
    }

    @Bean
    ReviewProjector reviewProjector(OnceOnly onceOnly) {
        return new ReviewProjector(onceOnly);
    }

    @Bean
    HistoryProjector historyProjector(DynamoDbClient dynamo, TableProperties table) {
        return new HistoryProjector(dynamo, HistoryProjector.historyTableOf(table.name()));
    }

    @Bean
    TimelineProjector timelineProjector(FollowRepository follows, TweetRepository tweets, FeedRepository feeds,
                                        TimelineProperties timeline, Clock clock) {
        return new TimelineProjector(follows, tweets, feeds, timeline, clock);
    }

    @Bean
    OrderTotalsProjector orderTotalsProjector(OnceOnly onceOnly) {
        return new OrderTotalsProjector(onceOnly);
    }

    /** Local stores get the history table from the service; on AWS, Terraform owns it. */
    @Bean(initMethod = "ensureTable")
    @ConditionalOnExpression("'${singletable.storage.mode:embedded}'.toLowerCase() != 'aws'")
    HistoryTableBootstrap historyTableBootstrap(DynamoDbClient dynamo, TableProperties table) {
        return new HistoryTableBootstrap(dynamo, HistoryProjector.historyTableOf(table.name()));
    }

    @Bean
    DeadLetters deadLetters(DynamoDbClient dynamo, TableProperties table, Clock clock) {
        return new DeadLetters(dynamo, table.name(), clock);
    }

    @Bean
    StreamListener streamListener(DynamoDbClient dynamo, DynamoDbStreamsClient streams, TableProperties table,
                                  List<Projector> projectors, DeadLetters deadLetters, Clock clock,
                                  ObjectProvider<MeterRegistry> meters) {
        ListenerSettings settings = ListenerSettings.defaults();
        String owner = "listener-" + UUID.randomUUID();
        StreamListener listener = new StreamListener(dynamo, streams, table.name(), projectors,
                new ShardCheckpoints(dynamo, table.name()),
                new ShardLeases(dynamo, table.name(), owner, settings.leaseDuration(), Clock.systemUTC()),
                deadLetters, settings, Clock.systemUTC());
        meters.ifAvailable(registry -> StreamListenerMetrics.bind(listener, registry));
        return listener;
    }

    @Bean
    StreamListenerLifecycle streamListenerLifecycle(StreamListener listener) {
        return new StreamListenerLifecycle(listener);
    }

    /** Named so the health component is {@code streamListener} (Boot drops the "HealthIndicator" suffix). */
    @Bean("streamListenerHealthIndicator")
    StreamListenerHealth streamListenerHealth(StreamListener listener, DeadLetters deadLetters) {
        return new StreamListenerHealth(listener, deadLetters, Clock.systemUTC());
    }
}
