package dev.singletable.engine;

import dev.singletable.engine.capacity.CapacityCounters;
import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.durability.DurableStore;
import dev.singletable.engine.durability.WriteAheadLog;
import dev.singletable.engine.global.GlobalTables;
import dev.singletable.engine.global.NamespaceReplication;
import dev.singletable.engine.regions.Accounts;
import dev.singletable.engine.regions.CrossAccountCalls;
import dev.singletable.engine.regions.RegionNames;
import dev.singletable.engine.regions.RegionSettings;
import dev.singletable.engine.regions.RegionalStreamsClient;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The bundled DynamoDB-compatible engine, in-process. Hand its clients to any code written against the AWS SDK v2:
 * <pre>
 * try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
 *     DynamoDbClient dynamo = engine.dynamoDbClient();
 *     ...
 * }
 * </pre>
 * Like AWS, the engine keeps each region's tables apart, and each account's: a client of {@code eu-west-1} sees other
 * tables than one of {@code us-east-1} ({@link #dynamoDbClient(String)}; over the wire, the region of the request's
 * signature). The engine's own region and account ({@link EngineOptions#region()}, {@link EngineOptions#accountId()})
 * are the <em>home</em> namespace: {@link #dynamoDbClient()}, {@link #core()} and the data directory itself; every
 * other namespace is opened the first time a request names it and, in a durable engine, keeps its files under
 * {@code regions/<region>} (or {@code accounts/<account>/regions/<region>}) of the data directory. With
 * {@link RegionSettings#sharedDb()} every region and account shares the home namespace, as DynamoDB Local's
 * {@code -sharedDb} does.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);
    static final String REGIONS_DIR = "regions";
    static final String ACCOUNTS_DIR = "accounts";

    /** One account's region. */
    private record Namespace(String account, String region) {}

    /** The clients of one namespace, as a caller in it sees them. */
    public record Clients(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String account, String region) {}

    private final EngineOptions options;
    private final RegionSettings settings;
    private final ToLongFunction<Map<String, AttributeValue>> sizer;
    private final Map<Namespace, Opened> namespaces = new ConcurrentHashMap<>();
    private final GlobalTables global;
    private final Namespace homeKey;
    private final Opened home;
    private final Object opening = new Object();
    private volatile boolean closed;

    /** A namespace, the clients its callers use, and what global tables use of it. */
    private record Opened(RegionEngine engine, Clients clients, GlobalTables.Region handle) {}

    private EmbeddedEngine(
            EngineOptions options, RegionSettings settings, ToLongFunction<Map<String, AttributeValue>> sizer) {
        this.options = options;
        this.settings = settings;
        this.sizer = sizer;
        this.global = new GlobalTables(
                options.clock(), settings.replicationDelay(), (account, region) -> handle(account, region));
        this.homeKey = new Namespace(options.accountId(), options.region());
        Opened opened;
        try {
            opened = open(homeKey, options);
        } catch (RuntimeException e) {
            global.close();
            throw e;
        }
        this.home = opened;
        namespaces.put(homeKey, home);
        try {
            if (!options.inMemoryOnly()) {
                global.journalRegistryIn(home.engine().core());
            }
            Path dataDir = options.dataDir(); // null in memory
            if (!settings.sharedDb() && dataDir != null) {
                for (Namespace existing : namespacesOnDisk(dataDir)) {
                    if (!existing.equals(homeKey)) {
                        namespace(existing);
                    }
                }
            }
            global.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static EmbeddedEngine inMemory() {
        return open(EngineOptions.inMemory());
    }

    /**
     * Opens an engine: in memory when the options name no data directory, otherwise durable, recovering whatever the
     * directory holds (and refusing to start on a damaged log or snapshot, or on a directory another engine holds).
     * Each region has its own tables ({@link RegionSettings#DEFAULTS}).
     */
    public static EmbeddedEngine open(EngineOptions options) {
        return open(options, RegionSettings.DEFAULTS);
    }

    /** Opens an engine with the given division of tables between accounts and regions. */
    public static EmbeddedEngine open(EngineOptions options, RegionSettings settings) {
        return new EmbeddedEngine(options, settings, AttributeValues::itemSize);
    }

    /** Opens an engine that sizes stream records' keys with the given function (engine-level tests). */
    static EmbeddedEngine open(EngineOptions options, ToLongFunction<Map<String, AttributeValue>> sizer) {
        return new EmbeddedEngine(options, RegionSettings.DEFAULTS, sizer);
    }

    /** The home region's tables. */
    public DynamoDbClient dynamoDbClient() {
        return home.clients().dynamo();
    }

    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        return home.clients().streams();
    }

    /** The tables of a region of the engine's own account, as a client built for that region sees them. */
    public DynamoDbClient dynamoDbClient(String region) {
        return clients(null, region).dynamo();
    }

    public DynamoDbStreamsClient dynamoDbStreamsClient(String region) {
        return clients(null, region).streams();
    }

    /**
     * What a caller reaches: the namespace of the account its access key acts in ({@link Accounts}) and of the region
     * its request is signed for. Null stands for "not given" (an unsigned request): the engine's own account and
     * region. A region name the engine cannot keep tables for is AWS's InvalidSignatureException.
     */
    public Clients clients(@Nullable String accessKeyId, @Nullable String region) {
        return clientsOf(Accounts.accountFor(accessKeyId, settings.accountsByAccessKey(), options.accountId()), region);
    }

    /**
     * The clients of an account's region, as a caller in that account sees them: access control
     * ({@code engine.access}) reaches another account's tables here once a resource-based policy allows it. Null
     * region: the engine's own.
     */
    public Clients clientsOf(String account, @Nullable String region) {
        String effectiveRegion = region == null ? options.region() : region;
        if (!RegionNames.isValid(effectiveRegion)) {
            throw RegionNames.invalidScope(effectiveRegion);
        }
        if (settings.sharedDb()) {
            return home.clients();
        }
        return namespace(new Namespace(account, effectiveRegion)).clients();
    }

    /**
     * The core of an account's region if it is open (its tables' definitions: key schemas, resource-based
     * policies), else null: looking a resource up never creates a namespace.
     */
    public @Nullable Engine openCore(String account, @Nullable String region) {
        if (settings.sharedDb()) {
            return home.engine().core();
        }
        Opened opened = namespaces.get(new Namespace(account, region == null ? options.region() : region));
        return opened == null ? null : opened.engine().core();
    }

    /**
     * Other accounts' namespaces as a cross-account call sees them: a table is found only in an open namespace, and
     * with -sharedDb in none (every account shares the home namespace, so there is no other account to route to).
     */
    private final CrossAccountCalls.Namespaces crossAccountView = new CrossAccountCalls.Namespaces() {
        @Override
        public @Nullable TableDefinition openTable(String account, String region, String tableName) {
            if (settings.sharedDb()) {
                return null;
            }
            Engine core = openCore(account, region);
            Table table = core == null ? null : core.table(tableName);
            return table == null ? null : table.definition();
        }

        @Override
        public @Nullable Engine core(String account, String region) {
            return openCore(account, region);
        }

        @Override
        public DynamoDbClient dynamo(String account, String region) {
            return clientsOf(account, region).dynamo();
        }

        @Override
        public DynamoDbStreamsClient streams(String account, String region) {
            return clientsOf(account, region).streams();
        }
    };

    /** A region as global tables use it: with -sharedDb every region is the home namespace. */
    private GlobalTables.Region handle(String account, String region) {
        if (settings.sharedDb()) {
            return home.handle();
        }
        return namespace(new Namespace(account, region)).handle();
    }

    private Opened namespace(Namespace key) {
        Opened opened = namespaces.get(key);
        if (opened != null) {
            return opened;
        }
        synchronized (opening) {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            return namespaces.computeIfAbsent(key, k -> {
                LOG.info(
                        "Region {} of account {} opened: its tables are its own, as on AWS (-sharedDb: one set of "
                                + "tables for every region)",
                        k.region(),
                        k.account());
                return open(
                        k,
                        options.withRegion(k.region())
                                .withAccountId(k.account())
                                .withDataDir(directoryOf(k)));
            });
        }
    }

    private Opened open(Namespace key, EngineOptions namespaceOptions) {
        NamespaceReplication replication = global.replicationOf(key.account(), key.region());
        boolean isHome = key.equals(homeKey);
        RegionEngine engine = new RegionEngine(namespaceOptions, sizer, new RegionEngine.Attachments() {
            @Override
            public void beforeRecovery(Engine core, @Nullable DurableStore store) {
                replication.attach(core);
                if (store != null) {
                    if (isHome) {
                        store.addSection(global.registrySection());
                        store.onExtension(GlobalTables.REGISTRY_KIND, global::replayRegistry);
                    }
                    store.addSection(replication.section());
                }
            }

            @Override
            public List<CommitListener> listeners(Engine core) {
                return List.of(replication);
            }
        });
        GlobalTables.Region handle = new GlobalTables.Region() {
            @Override
            public String account() {
                return key.account();
            }

            @Override
            public String region() {
                return key.region();
            }

            @Override
            public Engine core() {
                return engine.core();
            }

            @Override
            public DynamoDbClient local() {
                return engine.dynamoDbClient();
            }

            @Override
            public NamespaceReplication replication() {
                return replication;
            }
        };
        CrossAccountCalls crossAccount = new CrossAccountCalls(key.account(), key.region(), crossAccountView);
        Clients clients = new Clients(
                global.client(handle, engine.dynamoDbClient(), crossAccount),
                new RegionalStreamsClient(engine.dynamoDbStreamsClient(), crossAccount),
                key.account(),
                key.region());
        return new Opened(engine, clients, handle);
    }

    /** Where a namespace other than the home one keeps its files; null in memory. */
    private @Nullable Path directoryOf(Namespace key) {
        Path root = options.dataDir();
        if (root == null) { // in memory
            return null;
        }
        Path base = key.account().equals(options.accountId())
                ? root
                : root.resolve(ACCOUNTS_DIR).resolve(key.account());
        return base.resolve(REGIONS_DIR).resolve(key.region());
    }

    /** The namespaces a durable engine's directory holds besides the home one. */
    private List<Namespace> namespacesOnDisk(Path root) {
        List<Namespace> found = new ArrayList<>();
        regionsUnder(root.resolve(REGIONS_DIR), options.accountId(), found);
        Path accounts = root.resolve(ACCOUNTS_DIR);
        for (Path account : children(accounts)) {
            String id = account.getFileName().toString();
            if (Accounts.isAccountId(id)) {
                regionsUnder(account.resolve(REGIONS_DIR), id, found);
            }
        }
        return found;
    }

    private static void regionsUnder(Path dir, String account, List<Namespace> found) {
        for (Path region : children(dir)) {
            String name = region.getFileName().toString();
            if (RegionNames.isValid(name)) {
                found.add(new Namespace(account, name));
            }
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The regions of the engine's own account that are open, the home region first. */
    public List<String> regions() {
        List<String> regions = new ArrayList<>();
        regions.add(options.region());
        namespaces.keySet().stream()
                .filter(n ->
                        n.account().equals(options.accountId()) && !n.region().equals(options.region()))
                .map(Namespace::region)
                .sorted()
                .forEach(regions::add);
        return regions;
    }

    /** Global tables: replication figures, latency listeners, quiescence (tests). */
    public GlobalTables globalTables() {
        return global;
    }

    /** Consumed and throttled capacity units per table and index of the home region, for monitoring. */
    public CapacityCounters capacity() {
        return home.engine().core().capacity().counters();
    }

    /** The engine core of the home region, for the engine's own tooling and tests. */
    public Engine core() {
        return home.engine().core();
    }

    /** The engine core of a region of the engine's own account (opened if need be). */
    public Engine core(String region) {
        clients(null, region);
        return namespace(new Namespace(options.accountId(), region)).engine().core();
    }

    /** Takes a snapshot of every namespace now (durable engines; a no-op in memory). */
    public void snapshot() {
        for (Opened opened : namespaces.values()) {
            if (opened.engine().store() != null) {
                opened.engine().store().snapshot();
            }
        }
    }

    /** The home write-ahead log's record and system-call counts (durable engines; null in memory): for benchmarks. */
    public WriteAheadLog.@Nullable Statistics logStatistics() {
        return home.engine().store() == null ? null : home.engine().store().logStatistics();
    }

    /** Deletes expired items of every namespace now rather than at the next sweep; returns how many. */
    public int sweepExpiredItems() {
        int deleted = 0;
        for (Opened opened : namespaces.values()) {
            deleted += opened.engine().sweepExpiredItems();
        }
        return deleted;
    }

    /**
     * Stops background work, snapshots each durable namespace so the next start replays nothing, releases the
     * directories.
     */
    @Override
    public void close() {
        synchronized (opening) {
            if (closed) {
                return;
            }
            closed = true;
        }
        global.close();
        RuntimeException failure = null;
        for (Opened opened : namespaces.values()) {
            try {
                opened.engine().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (namespaces.isEmpty() && home != null) {
            home.engine().close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
