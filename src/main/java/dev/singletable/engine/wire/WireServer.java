package dev.singletable.engine.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Serves any {@link DynamoDbClient} (and optionally a {@link DynamoDbStreamsClient}) over DynamoDB's real wire
 * protocol, so the AWS CLI, every SDK, Terraform and conformance suites can talk to it. Netty accepts and reads
 * connections without blocking; backend calls run on a separate worker pool because they may block.
 */
public final class WireServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WireServer.class.getName());
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup io;
    private final ExecutorService workers;
    private final Channel serverChannel;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final BufferBudget budget;
    private final AtomicInteger openConnections;

    private WireServer(
            EventLoopGroup acceptors,
            EventLoopGroup io,
            ExecutorService workers,
            Channel serverChannel,
            String host,
            BufferBudget budget,
            AtomicInteger openConnections) {
        this.acceptors = acceptors;
        this.io = io;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.host = host;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        this.budget = budget;
        this.openConnections = openConnections;
    }

    /** Request bytes held in memory now (bodies being received or waiting their turn): for tests and metrics. */
    long bufferedBytes() {
        return budget.used();
    }

    /** Connections open now, those being refused over the limit included until they are closed. */
    int openConnections() {
        return openConnections.get();
    }

    /**
     * Binds and starts serving. Operations are resolved from the client interfaces now, once.
     *
     * @param streams may be null: Streams targets then answer UnknownOperationException
     */
    public static WireServer start(WireServerOptions options, DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
        return start(options, BrowserAccess.defaults(), dynamo, streams);
    }

    /**
     * Binds and starts serving, with what web browsers may do ({@link BrowserAccess#defaults()}: no CORS, and a
     * Host-header guard against DNS rebinding).
     */
    public static WireServer start(
            WireServerOptions options, BrowserAccess browsers, DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
        Objects.requireNonNull(dynamo, "dynamo");
        return start(options, browsers, WireBackends.fixed(dynamo, streams));
    }

    /**
     * Binds and starts serving backends chosen per request by the region and access key of its signature (a
     * multi-region engine; see {@link WireBackends}).
     */
    public static WireServer start(WireServerOptions options, BrowserAccess browsers, WireBackends backends) {
        return start(options, browsers, backends, WireMonitoring.NONE);
    }

    /**
     * Binds and starts serving, telling {@code monitoring} of every operation answered and serving its metrics page
     * at {@value WireMonitoring#METRICS_PATH} (if it has one).
     */
    public static WireServer start(
            WireServerOptions options, BrowserAccess browsers, WireBackends backends, WireMonitoring monitoring) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(browsers, "browsers");
        Objects.requireNonNull(backends, "backends");
        OperationTable operations = OperationTable.of(backends.servesStreams());
        SigV4Verifier verifier =
                options.requiresSignature() ? new SigV4Verifier(options.accessKeys(), Clock.systemUTC()) : null;
        WireProtocol protocol = new WireProtocol(
                operations,
                backends,
                verifier,
                options.maxBodyBytes(),
                options.region(),
                options.inlineReads(),
                options.inlineWrites(),
                new BrowserGuard(browsers, options.bindAddress()),
                monitoring);
        WireLimits limits = options.limits();
        BufferBudget budget = new BufferBudget(limits.maxBufferedBytes());
        AtomicInteger openConnections = new AtomicInteger();

        int cores = Runtime.getRuntime().availableProcessors();
        EventLoopGroup acceptors =
                new MultiThreadIoEventLoopGroup(1, daemonThreads("wire-accept"), NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(
                Math.max(1, cores), daemonThreads("wire-io"), NioIoHandler.newFactory());
        ExecutorService workers = workerPool(Math.max(8, cores * 4));
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptors, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            WireConnectionHandler requests = new WireConnectionHandler(protocol, workers);
                            ConnectionGuard guard = new ConnectionGuard(limits, openConnections, requests);
                            requests.watchedBy(guard);
                            channel.pipeline()
                                    .addLast("guard", guard)
                                    .addLast(
                                            "http",
                                            new HttpServerCodec(new HttpDecoderConfig()
                                                    .setMaxInitialLineLength(limits.maxHeaderBytes())
                                                    .setMaxHeaderSize(limits.maxHeaderBytes())
                                                    .setMaxChunkSize(64 * 1024)))
                                    .addLast("body", new HttpBodyAggregator(options.maxBodyBytes(), budget, guard))
                                    .addLast("dynamodb", requests);
                        }
                    })
                    .bind(options.bindAddress(), options.port())
                    .syncUninterruptibly()
                    .channel();
            WireServer server =
                    new WireServer(acceptors, io, workers, channel, options.bindAddress(), budget, openConnections);
            LOG.log(
                    System.Logger.Level.INFO,
                    "DynamoDB wire server listening on {0} ({1} operations)",
                    server.endpoint(),
                    operations.size());
            return server;
        } catch (RuntimeException e) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The address clients should use as their endpoint override, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        String address = host.contains(":") ? "[" + host + "]" : host;
        if ("0.0.0.0".equals(host) || "[::]".equals(address)) {
            address = "127.0.0.1";
        }
        return URI.create("http://" + address + ":" + port);
    }

    /**
     * Stops accepting, lets requests already running finish (up to a timeout), then releases the threads.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        acceptors.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // a short quiet period lets the last responses be flushed before connections are closed
        io.shutdownGracefully(100, SHUTDOWN_TIMEOUT_SECONDS * 1000, TimeUnit.MILLISECONDS)
                .syncUninterruptibly();
        acceptors.terminationFuture().syncUninterruptibly();
    }

    private static ExecutorService workerPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads("wire-worker"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
