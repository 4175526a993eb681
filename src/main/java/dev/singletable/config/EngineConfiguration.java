package dev.singletable.config;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.EngineOptions;
import dev.singletable.engine.capacity.ResourceCapacity;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bundled engine and its DynamoDB wire-protocol port. Used by the service in embedded mode and, alone, by the
 * standalone engine server ({@code --engine-only}). The port lets the AWS CLI, boto3 or any SDK look into the same data
 * the service uses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "singletable.storage", name = "mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedEngine embeddedEngine(EngineProperties engine) {
        EngineOptions options = (engine.inMemory()
                ? EngineOptions.inMemory()
                : EngineOptions.durable(engine.dataDir()))
                .withTransientStatuses(engine.delayTransientStatuses())
                .withSyncPolicy(EngineOptions.SyncPolicy.valueOf(engine.sync().name()), engine.groupCommitWait())
                .withSnapshotAfterLogBytes(engine.snapshotAfterLog().toBytes())
                .withTtlSweepInterval(engine.ttlSweepInterval())
                .withThrottling(engine.throttling().enabled());
        return EmbeddedEngine.open(options);
    }

    /**
     * The engine's capacity as Micrometer counters (at /actuator/metrics and wherever meters are exported), one set per
     * table and per index as each first appears: {@code singletable.engine.capacity.consumed} and
     * {@code singletable.engine.capacity.throttled} in capacity units, tagged {@code table}, {@code index} (empty for
     * the table itself) and {@code kind} = read | write.
     */
    @Bean
    SmartInitializingSingleton engineCapacityMetrics(ObjectProvider<EmbeddedEngine> engine,
            ObjectProvider<MeterRegistry> meters) {
        return () -> engine.ifAvailable(e -> meters.ifAvailable(
                registry -> e.capacity().watch(resource -> registerCapacityMeters(resource, registry))));
    }

    private static void registerCapacityMeters(ResourceCapacity resource, MeterRegistry registry) {
        String index = resource.index() == null ? "" : resource.index();
        for (boolean write : new boolean[] {false, true}) {
            String kind = write ? "write" : "read";
            FunctionCounter.builder("singletable.engine.capacity.consumed", resource, r -> r.consumed(write))
                    .description("capacity units consumed, as ConsumedCapacity reports them")
                    .tags("table", resource.table(), "index", index, "kind", kind)
                    .register(registry);
            FunctionCounter.builder("singletable.engine.capacity.throttled", resource, r -> r.throttled(write))
                    .description("capacity units refused by throttling")
                    .tags("table", resource.table(), "index", index, "kind", kind)
                    .register(registry);
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${singletable.storage.mode:embedded}'.toLowerCase() == 'embedded' "
            + "and ${singletable.engine.port:8000} >= 0")
    WireServer engineWireServer(EmbeddedEngine engine, EngineProperties properties) {
        WireServer server = WireServer.start(
                // the embedded engine's reads take no locks and do no I/O, so they run on the I/O thread without a
                // hand-off to a worker and back (docs/benchmarks.md, run 8)
                new WireServerOptions(properties.bindAddress(), properties.port(), properties.auth().accessKeys(),
                        WireServerOptions.DEFAULT_MAX_BODY_BYTES).withInlineReads(true),
                engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
        log.info("DynamoDB-compatible engine listening on {} (try: aws dynamodb list-tables --endpoint-url {})",
                server.endpoint(), server.endpoint());
        return server;
    }
}
