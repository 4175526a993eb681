package dev.singletable.engine.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Collects each request's body into one byte array and passes on a {@link WireHttpRequest}. A declared body over the
 * limit is refused before anything of it is buffered: the request is passed on at once flagged
 * {@link WireHttpRequest.Kind#OVERSIZED} (answered 413) and the rest of its body is read and dropped, so the
 * connection stays usable and the client sees the 413 rather than a reset. Answers {@code Expect: 100-continue}
 * itself, since only here is the declared length known.
 * <p>
 * Memory follows the bytes that actually arrived, never the length a client declares: the buffer starts small and
 * grows as the body comes in, each growth reserved from the server's {@link BufferBudget} first (a request the budget
 * cannot take is answered 503). The reservation passes to the request and is given back once it has been answered.
 */
final class HttpBodyAggregator extends ChannelInboundHandlerAdapter {

    private static final int INITIAL_BUFFER_BYTES = 4096;

    private final int maxBodyBytes;
    private final BufferBudget budget;
    private final ConnectionGuard guard;

    /** The request whose body is being collected; null between requests. */
    private @Nullable HttpRequest current;

    private byte @Nullable [] buffer;
    private int length;
    /** Budget bytes reserved for {@link #buffer}. */
    private long reserved;
    /** Dropping the remainder of an oversized or refused body until its last chunk. */
    private boolean discarding;

    HttpBodyAggregator(int maxBodyBytes, BufferBudget budget, ConnectionGuard guard) {
        this.maxBodyBytes = maxBodyBytes;
        this.budget = budget;
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest) {
                startRequest(ctx, (HttpRequest) msg);
            }
            if (msg instanceof HttpContent) {
                addContent(ctx, (HttpContent) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startRequest(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            // not HTTP we can follow: answer and close, there is no way to find the next request
            Throwable cause = request.decoderResult().cause();
            WireHttpRequest.Kind kind = cause instanceof TooLongHttpHeaderException
                    ? WireHttpRequest.Kind.HEADERS_TOO_LARGE
                    : cause instanceof TooLongHttpLineException
                            ? WireHttpRequest.Kind.LINE_TOO_LONG
                            : cause instanceof TooLongFrameException
                                    ? WireHttpRequest.Kind.HEADERS_TOO_LARGE
                                    : WireHttpRequest.Kind.MALFORMED;
            dropBuffer();
            ctx.fireChannelRead(flagged(kind, request));
            current = null;
            discarding = true;
            return;
        }
        dropBuffer();
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > maxBodyBytes) {
            boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
            ctx.fireChannelRead(flagged(WireHttpRequest.Kind.OVERSIZED, request));
            current = null;
            // a client waiting for 100-continue will not send the body; anyone else will, and we drop it
            discarding = !expectsContinue;
            return;
        }
        int initial = declared >= 0 ? (int) Math.min(declared, INITIAL_BUFFER_BYTES) : INITIAL_BUFFER_BYTES;
        if (!budget.tryReserve(initial)) {
            refuse(ctx, request);
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            request.headers().remove(HttpHeaderNames.EXPECT);
        }
        current = request;
        discarding = false;
        length = 0;
        buffer = new byte[initial];
        reserved = initial;
    }

    private void addContent(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (discarding || current == null) {
            if (last) {
                discarding = false;
                guard.requestComplete();
            }
            return;
        }
        ByteBuf bytes = content.content();
        int readable = bytes.readableBytes();
        if ((long) length + readable > maxBodyBytes) {
            dropBuffer();
            ctx.fireChannelRead(flagged(WireHttpRequest.Kind.OVERSIZED, current));
            current = null;
            discarding = !last;
            if (last) {
                guard.requestComplete();
            }
            return;
        }
        byte[] collected = Objects.requireNonNull(buffer, "startRequest gives the request being collected a buffer");
        if (length + readable > collected.length) {
            int grown = (int) Math.min(maxBodyBytes, Math.max(length + readable, collected.length * 2L));
            if (!budget.tryReserve(grown - collected.length)) {
                HttpRequest request = current;
                dropBuffer();
                refuse(ctx, request);
                if (last) {
                    discarding = false;
                    guard.requestComplete();
                }
                return;
            }
            reserved += grown - collected.length;
            collected = Arrays.copyOf(collected, grown);
            buffer = collected;
        }
        bytes.readBytes(collected, length, readable);
        length += readable;
        if (last) {
            HttpRequest request = current;
            current = null;
            WireHttpRequest complete = new WireHttpRequest(
                            WireHttpRequest.Kind.COMPLETE,
                            request.method().name(),
                            request.uri(),
                            request.headers(),
                            collected,
                            length,
                            HttpUtil.isKeepAlive(request))
                    .holding(budget, reserved);
            buffer = null;
            reserved = 0;
            guard.requestComplete();
            ctx.fireChannelRead(complete);
        }
    }

    /**
     * The budget cannot take this body now: 503 (which the SDKs retry), and the rest of the body read and dropped,
     * so the connection stays in step and usable.
     */
    private void refuse(ChannelHandlerContext ctx, HttpRequest request) {
        ctx.fireChannelRead(flagged(WireHttpRequest.Kind.UNAVAILABLE, request));
        current = null;
        discarding = true;
    }

    /** Frees the body being collected, if any, and gives its reservation back. */
    private void dropBuffer() {
        buffer = null;
        budget.release(reserved);
        reserved = 0;
    }

    private static WireHttpRequest flagged(WireHttpRequest.Kind kind, HttpRequest request) {
        boolean keepAlive = kind != WireHttpRequest.Kind.MALFORMED
                && kind != WireHttpRequest.Kind.HEADERS_TOO_LARGE
                && kind != WireHttpRequest.Kind.LINE_TOO_LONG
                && HttpUtil.isKeepAlive(request)
                && !HttpUtil.is100ContinueExpected(request);
        return new WireHttpRequest(kind, request.method().name(), request.uri(), request.headers(), null, 0, keepAlive);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        dropBuffer();
        current = null;
        ctx.fireChannelInactive();
    }
}
