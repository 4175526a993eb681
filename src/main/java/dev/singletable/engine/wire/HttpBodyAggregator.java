package dev.singletable.engine.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;

/**
 * Collects each request's body into one byte array and passes on a {@link WireHttpRequest}. A body over the limit
 * is not buffered: the request is passed on at once flagged {@link WireHttpRequest.Kind#OVERSIZED} (answered 413)
 * and the rest of its body is read and dropped, so the connection stays usable and the client sees the 413 rather
 * than a reset. Answers {@code Expect: 100-continue} itself, since only here is the declared length known.
 */
final class HttpBodyAggregator extends ChannelInboundHandlerAdapter {

    private static final int INITIAL_BUFFER_LIMIT = 1024 * 1024;

    private final int maxBodyBytes;

    private HttpRequest current;
    private byte[] buffer;
    private int length;
    /** Dropping the remainder of an oversized body until its last chunk. */
    private boolean discarding;

    HttpBodyAggregator(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
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
            // not HTTP we can follow: answer 400 and close, there is no way to find the next request
            ctx.fireChannelRead(flagged(WireHttpRequest.Kind.MALFORMED, request));
            current = null;
            discarding = true;
            return;
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > maxBodyBytes) {
            boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
            ctx.fireChannelRead(flagged(WireHttpRequest.Kind.OVERSIZED, request));
            current = null;
            // a client waiting for 100-continue will not send the body; anyone else will, and we drop it
            discarding = !expectsContinue;
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            request.headers().remove(HttpHeaderNames.EXPECT);
        }
        current = request;
        discarding = false;
        length = 0;
        // grow towards a large declared length rather than trusting it with memory up front
        buffer = new byte[declared >= 0 ? (int) Math.min(declared, INITIAL_BUFFER_LIMIT) : 4096];
    }

    private void addContent(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (discarding || current == null) {
            if (last) {
                discarding = false;
            }
            return;
        }
        ByteBuf bytes = content.content();
        int readable = bytes.readableBytes();
        if ((long) length + readable > maxBodyBytes) {
            ctx.fireChannelRead(flagged(WireHttpRequest.Kind.OVERSIZED, current));
            current = null;
            buffer = null;
            discarding = !last;
            return;
        }
        if (length + readable > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxBodyBytes, Math.max(length + readable, buffer.length * 2L)));
        }
        bytes.readBytes(buffer, length, readable);
        length += readable;
        if (last) {
            HttpRequest request = current;
            current = null;
            ctx.fireChannelRead(new WireHttpRequest(WireHttpRequest.Kind.COMPLETE, request.method().name(),
                    request.uri(), request.headers(), buffer, length, HttpUtil.isKeepAlive(request)));
            buffer = null;
        }
    }

    private static WireHttpRequest flagged(WireHttpRequest.Kind kind, HttpRequest request) {
        boolean keepAlive = kind != WireHttpRequest.Kind.MALFORMED && HttpUtil.isKeepAlive(request)
                && !HttpUtil.is100ContinueExpected(request);
        return new WireHttpRequest(kind, request.method().name(), request.uri(), request.headers(), null, 0,
                keepAlive);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        buffer = null;
        current = null;
        ctx.fireChannelInactive();
    }
}
