package dev.singletable.table;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Settings of the bundled engine, used in embedded mode and by the standalone engine server.
 *
 * @param dataDir     where the engine keeps its files
 * @param inMemory    keep nothing on disk (tests)
 * @param delayTransientStatuses tables and global indexes stay CREATING, UPDATING or DELETING for a moment after a
 *                    control-plane request, as on AWS (DynamoDB Local's {@code -delayTransientStatuses}); off by
 *                    default: every change takes effect at once
 * @param port        the DynamoDB wire-protocol port; negative turns the server off
 * @param bindAddress the address the wire server binds to (loopback by default)
 * @param auth        whose requests the port serves: access keys whose SigV4 signatures it accepts, or with none,
 *                    whether a generated key is required (see {@link Auth})
 * @param sync        when a write is acknowledged: {@code group} (default: writers share a flush, which waits at most
 *                    {@code group-commit-wait} for more of them), {@code fsync} (each write flushed before it is
 *                    acknowledged) or {@code none} (written to the OS only: survives a crash of the process, not of
 *                    the machine)
 * @param groupCommitWait the longest a group flush waits for more writers
 * @param snapshotAfterLog a snapshot is taken whenever the log has grown this much, which bounds restart time
 * @param ttlSweepInterval how often expired items are looked for (a plain number is seconds)
 * @param throttling  {@code enabled} (default true): requests beyond a table's provisioned throughput or a partition
 *                    key's ceiling are refused as DynamoDB refuses them; switch off for benchmarks and bulk loads
 * @param cors        {@code allowed-origins}: browser origins whose pages may call the port (CORS; {@code *} for
 *                    any); none by default (docs/operations.md, "Security defaults")
 * @param allowedHosts Host-header names accepted besides IP addresses, names without a dot ({@code localhost}, a
 *                    compose service) and the bind address; a guard against DNS rebinding ({@code *}: any)
 * @param region      the engine's home region: the one unsigned requests reach, whose tables live in
 *                    {@code data-dir} itself (other regions' under {@code data-dir/regions/<region>}); every request
 *                    signed for another region reaches that region's own tables, as on AWS
 * @param accountId   the engine's own account, named in ARNs (twelve digits)
 * @param sharedDb    one set of tables for every region and credential, DynamoDB Local's {@code -sharedDb}
 *                    (global tables then have no other region to replicate to)
 * @param replication {@code delay}: how long every replicated write waits before it is applied in the other regions
 *                    of a global table (zero by default), to watch eventual consistency
 * @param limits      what the wire server allows its clients (connections, timeouts, buffered request bytes, header
 *                    size): see {@code engine.wire.WireLimits} (EngineConfiguration maps them) and docs/operations.md
 * @param metrics     {@code enabled}: the port also serves the engine's meters in Prometheus text at {@code GET /metrics}
 *                    (the standalone engine's default; the service exports them at /actuator/prometheus instead)
 */
@ConfigurationProperties("singletable.engine")
public record EngineProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean inMemory,
        @DefaultValue("false") boolean delayTransientStatuses,
        @DefaultValue("8000") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue Auth auth,
        @DefaultValue("group") Sync sync,
        @DefaultValue("1ms") Duration groupCommitWait,

        @DataSizeUnit(DataUnit.MEGABYTES) @DefaultValue("64MB")
        DataSize snapshotAfterLog,

        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration ttlSweepInterval,
        @DefaultValue Throttling throttling,
        @DefaultValue Cors cors,
        List<String> allowedHosts,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("000000000000") String accountId,
        @DefaultValue("false") boolean sharedDb,
        @DefaultValue Replication replication,
        @DefaultValue Limits limits,
        @DefaultValue Metrics metrics) {

    public EngineProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /**
     * How global tables replicate.
     *
     * @param delay how long every replicated write waits before it is applied in the other regions of its global
     *              table (zero by default); a few seconds make eventual consistency visible (docs/global-tables.md)
     */
    public record Replication(@DefaultValue("0ms") Duration delay) {}

    /**
     * Whether the port serves the engine's meters.
     *
     * @param enabled the port answers {@code GET /metrics} with the engine's meters in Prometheus text: on in the
     *                standalone engine, off in the service (whose /actuator/prometheus has them)
     */
    public record Metrics(@DefaultValue("false") boolean enabled) {}

    /** The engine's sync policies, named as in configuration. */
    public enum Sync {
        FSYNC,
        GROUP,
        NONE
    }

    /**
     * Whether the engine throttles as DynamoDB does.
     *
     * @param enabled requests beyond a table's provisioned throughput or a partition's limits are throttled
     */
    public record Throttling(@DefaultValue("true") boolean enabled) {}

    /**
     * The wire server's limits; {@code maxBufferedBytes} unset means a quarter of the heap, at most 256 MB. Only
     * {@link EngineConfiguration} turns them into the engine's own type (the service reaches the engine only there).
     *
     * @param maxConnections   the most connections the port keeps open at once
     * @param idleTimeout      how long a connection may stay idle before it is closed
     * @param requestTimeout   how long one request may take to arrive in full
     * @param maxBufferedBytes the most request bytes buffered across all connections (default: a quarter of the heap,
     *                         at most 256 MB)
     * @param maxHeaderBytes   the largest request head (request line and headers) accepted
     */
    public record Limits(
            @DefaultValue("1024") int maxConnections,
            @DefaultValue("60s") Duration idleTimeout,
            @DefaultValue("30s") Duration requestTimeout,
            DataSize maxBufferedBytes,
            @DefaultValue("16KB") DataSize maxHeaderBytes) {}

    /**
     * Which browser origins may call the port (CORS).
     *
     * @param allowedOrigins browser origins whose pages may call the port ({@code *} for any); none by default
     */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * Who may use the port.
     *
     * @param accessKeys       access key id to secret: only requests signed (SigV4) with one of them are served
     * @param requireSignature with no access keys configured: {@code true} (the service's default) serves only
     *                         requests signed with a key generated for the data directory; {@code false} (the
     *                         standalone engine's default, as DynamoDB Local) accepts any credentials
     * @param accounts         access key id to the twelve-digit account its requests act in; a key that is itself
     *                         twelve digits acts in that account, any other in {@code account-id}
     * @param principalsFile   a JSON file of principals (access key, secret, principal ARN, IAM policy documents):
     *                         when set, every request must be signed with one of its keys and is authorized as IAM
     *                         would authorize it, resource-based policies included (docs/access-control.md; flag
     *                         {@code -principalsFile}); unset, access control is off
     */
    public record Auth(
            Map<String, String> accessKeys,
            @DefaultValue("true") boolean requireSignature,
            Map<String, String> accounts,
            @Nullable Path principalsFile) {
        public Auth {
            accessKeys = accessKeys == null ? Map.of() : Map.copyOf(accessKeys);
            accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        }
    }
}
