package dev.singletable.streams;

import dev.singletable.table.TableProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The stream listener and the bookkeeping it keeps in the table. The projectors are the features' own beans (each
 * feature keeps the read models derived from its items); the listener hands every record to those subscribed to its
 * item type. {@code singletable.streams.enabled=false} turns the listener and the projectors off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStreams
class StreamsConfiguration {

    @Bean
    OnceOnly onceOnly(DynamoDbClient dynamo, TableProperties table, Clock clock) {
        return new OnceOnly(dynamo, table.name(), clock);
    }

    @Bean
    DeadLetters deadLetters(DynamoDbClient dynamo, TableProperties table, Clock clock) {
        return new DeadLetters(dynamo, table.name(), clock);
    }

    @Bean
    StreamListener streamListener(
            DynamoDbClient dynamo,
            DynamoDbStreamsClient streams,
            TableProperties table,
            List<Projector> projectors,
            DeadLetters deadLetters,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        ListenerSettings settings = ListenerSettings.defaults();
        String owner = "listener-" + UUID.randomUUID();
        StreamListener listener = new StreamListener(
                dynamo,
                streams,
                table.name(),
                projectors,
                new ShardCheckpoints(dynamo, table.name()),
                new ShardLeases(dynamo, table.name(), owner, settings.leaseDuration(), Clock.systemUTC()),
                deadLetters,
                settings,
                Clock.systemUTC());
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
