package dev.singletable.engine.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * First in every connection's pipeline: enforces the {@link WireLimits} that concern connections and time. A
 * connection beyond {@code maxConnections} is closed at once; one that takes longer than {@code requestTimeout} to
 * send a request whole (a slowloris, or a body trickling in) or to take its response is closed; one that sits idle
 * between requests for {@code idleTimeout} is closed. A request the backend is still working on never counts as
 * slow or idle. Everything here runs on the connection's I/O thread.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    private static final long MAX_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final WireLimits limits;
    private final AtomicInteger openConnections;
    private final WireConnectionHandler requests;
    private boolean counted;
    private @Nullable ScheduledFuture<?> check;
    private long lastActivity;
    /** When the first bytes of the request being received arrived; -1 when none is partly received. */
    private long receivingSince = -1;

    ConnectionGuard(WireLimits limits, AtomicInteger openConnections, WireConnectionHandler requests) {
        this.limits = limits;
        this.openConnections = openConnections;
        this.requests = requests;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (openConnections.incrementAndGet() > limits.maxConnections()) {
            ctx.close();
            return;
        }
        lastActivity = System.nanoTime();
        long interval = Math.max(
                MIN_CHECK_INTERVAL_NANOS,
                Math.min(
                        MAX_CHECK_INTERVAL_NANOS,
                        Math.min(
                                        limits.idleTimeout().toNanos(),
                                        limits.requestTimeout().toNanos())
                                / 4));
        check = ctx.executor().scheduleAtFixedRate(() -> check(ctx), interval, interval, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            lastActivity = System.nanoTime();
            if (receivingSince < 0) {
                receivingSince = lastActivity;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The request being received has arrived whole (or been dropped whole): the request clock stops. */
    void requestComplete() {
        receivingSince = -1;
        lastActivity = System.nanoTime();
    }

    /** A response was taken by the client: the connection is active. */
    void responded() {
        lastActivity = System.nanoTime();
    }

    private void check(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        long requestTimeout = limits.requestTimeout().toNanos();
        long writing = requests.writingSince();
        boolean slowRequest = receivingSince >= 0 && now - receivingSince > requestTimeout;
        boolean slowReader = writing >= 0 && now - writing > requestTimeout;
        boolean idle = receivingSince < 0
                && !requests.hasWork()
                && now - lastActivity > limits.idleTimeout().toNanos();
        if (slowRequest || slowReader || idle) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        if (counted) {
            counted = false;
            openConnections.decrementAndGet();
        }
    }
}
