package dev.singletable.engine.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Per-connection request scheduling. Requests run on the worker executor (the backend may block), one at a time
 * per connection, so responses to pipelined requests leave in request order; reads the protocol marks as
 * non-blocking run on the I/O thread itself, still one at a time. Reading pauses while too many
 * requests are queued. Every response gets {@code x-amz-crc32} and {@code x-amzn-RequestId} here, in one place.
 */
final class WireConnectionHandler extends SimpleChannelInboundHandler<WireHttpRequest> {

    /** Queued requests beyond which we stop reading from the socket until the queue drains. */
    private static final int MAX_QUEUED = 16;

    private final WireProtocol protocol;
    private final Executor workers;

    private final ArrayDeque<WireHttpRequest> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;
    /** When the response being written was handed to the transport; -1 when none is being written. */
    private long writingSince = -1;

    private @Nullable ConnectionGuard guard;

    WireConnectionHandler(WireProtocol protocol, Executor workers) {
        this.protocol = protocol;
        this.workers = workers;
    }

    /** The connection's guard, told when a response has been taken (the connection is then active, not idle). */
    void watchedBy(ConnectionGuard connectionGuard) {
        this.guard = connectionGuard;
    }

    /** Whether a request is being handled or waits its turn (the connection is then neither idle nor slow). */
    boolean hasWork() {
        return busy || !queue.isEmpty();
    }

    long writingSince() {
        return writingSince;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WireHttpRequest request) {
        if (closing) {
            request.release();
            return;
        }
        queue.add(request);
        if (queue.size() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        runNext(ctx);
    }

    private void runNext(ChannelHandlerContext ctx) {
        if (busy || closing) {
            return;
        }
        WireHttpRequest request = queue.poll();
        if (request == null) {
            return;
        }
        busy = true;
        if (!ctx.channel().config().isAutoRead() && queue.size() < MAX_QUEUED / 2) {
            ctx.channel().config().setAutoRead(true);
        }
        String coding = ResponseCompression.choose(request.header("Accept-Encoding"));
        if (protocol.runsInline(request)) {
            write(ctx, process(request), coding);
            return;
        }
        try {
            workers.execute(() -> {
                WireResponse response = process(request);
                ctx.executor().execute(() -> write(ctx, response, coding));
            });
        } catch (RejectedExecutionException e) {
            // the server is shutting down
            request.release();
            closing = true;
            ctx.close();
        }
    }

    private WireResponse process(WireHttpRequest request) {
        try {
            return protocol.handle(request);
        } catch (Throwable e) {
            // whatever went wrong, the client gets an answer and the connection stays in step
            System.getLogger(WireConnectionHandler.class.getName())
                    .log(System.Logger.Level.ERROR, "request handling failed", e);
            return WireErrors.internalServerError(WireResponse.AMZ_JSON);
        } finally {
            request.release(); // the body has been read: its buffer no longer counts against the budget
        }
    }

    private void write(ChannelHandlerContext ctx, WireResponse response, @Nullable String coding) {
        FullHttpResponse http = toHttp(response, coding);
        writingSince = System.nanoTime();
        if (response.closeConnection()) {
            closing = true;
            releaseQueued();
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(http).addListener(future -> {
            busy = false;
            writingSince = -1;
            if (guard != null) {
                guard.responded();
            }
            if (future.isSuccess()) {
                runNext(ctx);
            } else {
                ctx.close();
            }
        });
    }

    private void releaseQueued() {
        for (WireHttpRequest queued : queue) {
            queued.release();
        }
        queue.clear();
    }

    static FullHttpResponse toHttp(WireResponse response) {
        return toHttp(response, null);
    }

    /** The HTTP response; {@code coding} (gzip or deflate, else null) compresses a body above the threshold. */
    static FullHttpResponse toHttp(WireResponse response, @Nullable String coding) {
        byte[] body = response.body();
        boolean compressed = coding != null && body.length > ResponseCompression.THRESHOLD_BYTES;
        if (compressed && coding != null) { // compressed implies a coding
            body = ResponseCompression.compress(body, coding);
        }
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = http.headers();
        headers.set("x-amzn-RequestId", RequestIds.next());
        headers.set("x-amz-crc32", Long.toString(crc32(body)));
        if (response.contentType() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (compressed) {
            headers.set(HttpHeaderNames.CONTENT_ENCODING, coding);
        }
        headers.set(HttpHeaderNames.DATE, HttpDates.now());
        // AWS's responses name their server "Server"
        headers.set(HttpHeaderNames.SERVER, "Server");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        if (response.closeConnection()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return http;
    }

    static long crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return crc.getValue();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or broken connection: nothing to answer, just let it go
        closing = true;
        releaseQueued();
        ctx.close();
    }
}
