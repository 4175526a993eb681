package dev.singletable.table;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.access.AccessControl;
import dev.singletable.engine.access.Principals;
import dev.singletable.engine.access.PrincipalsFile;
import dev.singletable.engine.capacity.ResourceCapacity;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.CorruptDataException;
import dev.singletable.engine.durability.DataDirectoryLockedException;
import dev.singletable.engine.durability.WriteAheadLog;
import dev.singletable.engine.global.GlobalTables;
import dev.singletable.engine.regions.RegionSettings;
import dev.singletable.engine.wire.BrowserAccess;
import dev.singletable.engine.wire.WireBackends;
import dev.singletable.engine.wire.WireLimits;
import dev.singletable.engine.wire.WireMonitoring;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
    @ConditionalOnProperty(
            prefix = "singletable.storage",
            name = "mode",
            havingValue = "embedded",
            matchIfMissing = true)
    EmbeddedEngine embeddedEngine(EngineProperties engine) {
        EngineOptions options = (engine.inMemory() ? EngineOptions.inMemory() : EngineOptions.durable(engine.dataDir()))
                .withRegion(engine.region())
                .withAccountId(engine.accountId())
                .withTransientStatuses(engine.delayTransientStatuses())
                .withSyncPolicy(EngineOptions.SyncPolicy.valueOf(engine.sync().name()), engine.groupCommitWait())
                .withSnapshotAfterLogBytes(engine.snapshotAfterLog().toBytes())
                .withTtlSweepInterval(engine.ttlSweepInterval())
                .withThrottling(engine.throttling().enabled());
        RegionSettings regions = RegionSettings.DEFAULTS
                .withSharedDb(engine.sharedDb())
                .withAccountsByAccessKey(engine.auth().accounts())
                .withReplicationDelay(engine.replication().delay());
        try {
            return EmbeddedEngine.open(options, regions);
        } catch (RuntimeException e) {
            throw startupFailure(engine.dataDir().toAbsolutePath().normalize(), e);
        }
    }

    /** A failure to open the data directory, in words that name the setting to change; anything else unchanged. */
    private static RuntimeException startupFailure(Path dataDir, RuntimeException failure) {
        if (failure instanceof DataDirectoryLockedException) {
            return EngineStartupException.dataDirectoryLocked(dataDir, failure);
        }
        if (failure instanceof CorruptDataException) {
            return EngineStartupException.damagedData(dataDir, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return EngineStartupException.unreadableData(dataDir, io, failure);
            }
        }
        return failure;
    }

    /**
     * The engine's capacity as Micrometer counters (at /actuator/metrics and wherever meters are exported), one set per
     * table and per index as each first appears: {@code singletable.engine.capacity.consumed} and
     * {@code singletable.engine.capacity.throttled} in capacity units, tagged {@code table}, {@code index} (empty for
     * the table itself) and {@code kind} = read | write.
     */
    @Bean
    SmartInitializingSingleton engineCapacityMetrics(
            ObjectProvider<EmbeddedEngine> engine, ObjectProvider<MeterRegistry> meters) {
        return () -> engine.ifAvailable(e -> meters.ifAvailable(
                registry -> e.capacity().watch(resource -> registerCapacityMeters(resource, registry))));
    }

    /**
     * Global tables' replication, per table and direction (AWS's CloudWatch metrics ReplicationLatency and
     * PendingReplicationCount): the Timer {@code singletable.engine.replication.latency} (each replicated write, from
     * its commit in the source region to its arrival in the destination), the gauge
     * {@code singletable.engine.replication.pending} (writes not yet applied there) and the counter
     * {@code singletable.engine.replication.superseded} (copies that arrived after a later write had won: resolved
     * conflicts), tagged {@code table}, {@code source}, {@code destination}.
     */
    @Bean
    SmartInitializingSingleton engineReplicationMetrics(
            ObjectProvider<EmbeddedEngine> engine, ObjectProvider<MeterRegistry> meters) {
        return () -> engine.ifAvailable(e -> meters.ifAvailable(registry -> {
            GlobalTables global = e.globalTables();
            global.addLinkListener(link -> {
                String[] tags = {"table", link.table(), "source", link.source(), "destination", link.destination()};
                Gauge.builder("singletable.engine.replication.pending", global, g -> g.stats(link)
                                .pending())
                        .description("writes made in the source region not yet applied in the destination")
                        .tags(tags)
                        .register(registry);
                FunctionCounter.builder("singletable.engine.replication.superseded", global, g -> g.stats(link)
                                .superseded())
                        .description("replicated writes that arrived after a later write of the item had won")
                        .tags(tags)
                        .register(registry);
            });
            global.addLatencyListener(
                    (table, source, destination, millis) -> Timer.builder("singletable.engine.replication.latency")
                            .description("from a write's commit in the source region to its arrival in the destination")
                            .tags("table", table, "source", source, "destination", destination)
                            .register(registry)
                            .record(millis, TimeUnit.MILLISECONDS));
        }));
    }

    /** A figure of the engine's write-ahead log; 0 for an engine without one (in memory). */
    private static double logFigure(EmbeddedEngine engine, ToDoubleFunction<WriteAheadLog.Statistics> figure) {
        WriteAheadLog.Statistics statistics = engine.logStatistics();
        return statistics == null ? 0 : figure.applyAsDouble(statistics);
    }

    /**
     * A durable engine's files: the gauge {@code singletable.engine.storage.size} (bytes of the data directory: log
     * segments and snapshots) and the counters {@code singletable.engine.log.records} (records appended to the home
     * region's write-ahead log) and {@code singletable.engine.log.syncs} (its forces to disk).
     */
    @Bean
    SmartInitializingSingleton engineStorageMetrics(
            ObjectProvider<EmbeddedEngine> engine, ObjectProvider<MeterRegistry> meters, EngineProperties properties) {
        return () -> engine.ifAvailable(e -> meters.ifAvailable(registry -> {
            if (properties.inMemory() || e.logStatistics() == null) {
                return;
            }
            Path dataDir = properties.dataDir().toAbsolutePath().normalize();
            Gauge.builder("singletable.engine.storage.size", dataDir, EngineConfiguration::bytesUnder)
                    .description("bytes of the engine's data directory: write-ahead log segments and snapshots")
                    .baseUnit(BaseUnits.BYTES)
                    .strongReference(true)
                    .register(registry);
            FunctionCounter.builder(
                            "singletable.engine.log.records",
                            e,
                            x -> logFigure(x, WriteAheadLog.Statistics::recordsWritten))
                    .description("records appended to the write-ahead log")
                    .register(registry);
            FunctionCounter.builder(
                            "singletable.engine.log.syncs", e, x -> logFigure(x, WriteAheadLog.Statistics::forces))
                    .description("times the write-ahead log was forced to disk")
                    .register(registry);
        }));
    }

    /** The bytes of the regular files under a directory; files that vanish while it is walked count for nothing. */
    private static double bytesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.mapToLong(file -> {
                        try {
                            return Files.isRegularFile(file) ? Files.size(file) : 0;
                        } catch (IOException gone) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
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
    WireServer engineWireServer(
            EmbeddedEngine engine,
            EngineProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<PrometheusMeterRegistry> prometheus) {
        Principals principals = principals(properties);
        Map<String, String> accessKeys = principals != null ? principals.secrets() : accessKeys(properties);
        BrowserAccess browsers = BrowserAccess.defaults()
                .withCorsOrigins(properties.cors().allowedOrigins())
                .withAllowedHosts(properties.allowedHosts());
        WireServer server;
        try {
            server = WireServer.start(
                    // the embedded engine's reads take no locks and do no I/O, so they run on the I/O thread without
                    // a hand-off to a worker and back (docs/benchmarks.md, run 8); so do its item writes when it keeps
                    // nothing on disk: they then never wait for a flush, only for the commit lock (docs/benchmarks.md,
                    // "A store call over the wire, cut on both sides")
                    new WireServerOptions(
                                    properties.bindAddress(),
                                    properties.port(),
                                    accessKeys,
                                    WireServerOptions.DEFAULT_MAX_BODY_BYTES,
                                    properties.region())
                            .withInlineReads(true)
                            .withInlineWrites(properties.inMemory())
                            .withLimits(wireLimits(properties.limits())),
                    browsers,
                    principals != null ? accessControlledBackends(engine, principals) : regionalBackends(engine),
                    monitoring(properties, meters, prometheus));
        } catch (Exception e) {
            // Netty rethrows the socket's checked BindException undeclared: hence Exception, not RuntimeException
            if (e instanceof SocketException || e instanceof UnresolvedAddressException) {
                throw EngineStartupException.cannotListen(properties.bindAddress(), properties.port(), e);
            }
            throw e;
        }
        log.info(
                "DynamoDB-compatible engine listening on {} (try: aws dynamodb list-tables --endpoint-url {})",
                server.endpoint(),
                server.endpoint());
        if (!browsers.corsOrigins().isEmpty()) {
            log.info("Browser pages of {} may call the engine (CORS)", browsers.corsOrigins());
        }
        return server;
    }

    /**
     * Every answer of the port into {@link EngineRequestMeters} (when there is a registry), and, when
     * {@code singletable.engine.metrics.enabled}, the Prometheus registry's text at {@code GET /metrics}.
     */
    private static WireMonitoring monitoring(
            EngineProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<PrometheusMeterRegistry> prometheus) {
        MeterRegistry registry = meters.getIfAvailable();
        WireMonitoring.Observer observer = null;
        if (registry != null) {
            EngineRequestMeters requests = new EngineRequestMeters(registry);
            observer = requests::record;
        }
        PrometheusMeterRegistry scraped = properties.metrics().enabled() ? prometheus.getIfAvailable() : null;
        if (scraped != null) {
            log.info("The engine's meters are served at {} (Prometheus text)", WireMonitoring.METRICS_PATH);
        }
        return new WireMonitoring(observer, scraped == null ? null : scraped::scrape);
    }

    /** Each request reaches the tables of the account its access key acts in, in the region it is signed for. */
    private static WireBackends regionalBackends(EmbeddedEngine engine) {
        return WireBackends.byCredentialScope((accessKeyId, region) -> {
            EmbeddedEngine.Clients clients = engine.clients(accessKeyId, region);
            return new WireBackends.Backend(clients.dynamo(), clients.streams());
        });
    }

    /**
     * Access control (docs/access-control.md): each request reaches its principal's account's tables through clients
     * that authorize it as IAM would.
     */
    private static WireBackends accessControlledBackends(EmbeddedEngine engine, Principals principals) {
        AccessControl access = AccessControl.over(engine, principals);
        return WireBackends.byCredentialScope((accessKeyId, region) -> {
            EmbeddedEngine.Clients clients = access.clients(accessKeyId, region);
            return new WireBackends.Backend(clients.dynamo(), clients.streams());
        });
    }

    /** The configured principals, or null when access control is off. */
    private static @Nullable Principals principals(EngineProperties properties) {
        Path file = properties.auth().principalsFile();
        if (file == null) {
            return null;
        }
        Principals principals;
        try {
            principals = PrincipalsFile.read(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalStateException(
                    "singletable.engine.auth.principals-file (-principalsFile): " + e.getMessage(), e);
        }
        log.info(
                "Access control is on: the engine's DynamoDB port serves only the principals of {} (keys {}), "
                        + "authorizing each request by their IAM policies",
                file,
                principals.secrets().keySet());
        return principals;
    }

    /**
     * The keys whose signatures the port accepts: the configured ones; else, where signatures are required (the
     * service's default), the data directory's generated key; else none, and any credentials are accepted.
     */
    private static Map<String, String> accessKeys(EngineProperties properties) {
        EngineProperties.Auth auth = properties.auth();
        if (!auth.accessKeys().isEmpty()) {
            log.info(
                    "The engine's DynamoDB port serves requests signed with the keys {} only",
                    auth.accessKeys().keySet());
            return auth.accessKeys();
        }
        if (!auth.requireSignature()) {
            log.info("The engine's DynamoDB port accepts any credentials (singletable.engine.auth)");
            return Map.of();
        }
        EnginePortKey key;
        if (properties.inMemory()) {
            key = EnginePortKey.generate();
            log.info(
                    "The engine's DynamoDB port serves only requests signed with this key, made for this run: "
                            + "export AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={}",
                    key.accessKeyId(),
                    key.secretKey());
        } else {
            try {
                key = EnginePortKey.inDirectory(properties.dataDir());
            } catch (UncheckedIOException e) {
                // an UncheckedIOException always carries its IOException
                throw EngineStartupException.unreadableData(
                        properties.dataDir().toAbsolutePath().normalize(), Objects.requireNonNull(e.getCause()), e);
            }
            log.info(
                    "The engine's DynamoDB port serves only requests signed with the key {} kept in {}: "
                            + "source that file to use the AWS CLI (docs/operations.md, \"Security defaults\")",
                    key.accessKeyId(),
                    properties.dataDir().resolve(EnginePortKey.FILE));
        }
        return Map.of(key.accessKeyId(), key.secretKey());
    }

    /** The configured limits as the wire server takes them (docs/operations.md, "The engine's wire port"). */
    static WireLimits wireLimits(EngineProperties.Limits limits) {
        return new WireLimits(
                limits.maxConnections(),
                limits.idleTimeout(),
                limits.requestTimeout(),
                limits.maxBufferedBytes() == null
                        ? WireLimits.defaultMaxBufferedBytes()
                        : limits.maxBufferedBytes().toBytes(),
                Math.toIntExact(limits.maxHeaderBytes().toBytes()));
    }
}
