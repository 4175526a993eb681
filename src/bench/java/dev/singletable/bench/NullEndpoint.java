package dev.singletable.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A DynamoDB endpoint that does nothing: it answers every request with a canned body (GetItem with a 1 KB item like
 * the benchmark's, everything else with {@code {}}) without parsing it. Driving it with the SDK measures the client's
 * own ceiling on this machine: no server can be faster over the SDK than this.
 */
final class NullEndpoint implements AutoCloseable {

    private static final byte[] GET_ITEM =
            ("{\"Item\":{\"pk\":{\"S\":\"P1\"},\"sk\":{\"N\":\"1\"},\"gpk\":{\"S\":\"G1\"},"
                            + "\"gsk\":{\"N\":\"1\"},\"counter\":{\"N\":\"0\"},\"payload\":{\"S\":\"" + Engines.PAYLOAD
                            + "\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final EventLoopGroup group;
    private final Channel channel;

    private NullEndpoint(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    static NullEndpoint start(int port) throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(1);
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Answer());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .sync()
                .channel();
        return new NullEndpoint(group, channel);
    }

    private static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String target = request.headers().get("X-Amz-Target", "");
            byte[] body = target.endsWith(".GetItem") ? GET_ITEM : EMPTY;
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set("x-amzn-RequestId", "null-endpoint");
            ctx.writeAndFlush(response);
        }
    }

    /** The port it listens on (start it on port 0 for an ephemeral one). */
    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        channel.close().sync();
        group.shutdownGracefully().sync();
    }
}
