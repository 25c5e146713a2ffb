import java.net.URI;
import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;

/**
 * The floor under a gateway written on Netty itself, without Reactor (issue 12): an HTTP/1.1 proxy that parses
 * requests and answers (as nginx does), gives each client connection its own connection to the one backend
 * (opened again when the backend closes it, so the client's stays open, as nginx's upstream keep-alive does),
 * and forwards the parsed parts with the {@code Host} header rewritten — nothing else. tools/gateway-benchmark
 * runs it beside {@link BareProxy} with the gateway's own libraries and JVM options.
 *
 * <p>usage (source launch): java -cp '&lt;gateway's lib dir&gt;/*' NettyProxy.java PORT BACKEND_URL
 */
public class NettyProxy {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        URI backend = URI.create(args[1]);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
        Class<? extends ServerChannel> serverChannel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends Channel> clientChannel = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Bootstrap client = new Bootstrap().channel(clientChannel).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInboundHandlerAdapter());
        Channel server = new ServerBootstrap().group(loops).channel(serverChannel)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new Frontend(client, backend));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.out.println("netty proxy on 127.0.0.1:" + port + " -> " + backend + (epoll ? " (epoll)" : " (nio)"));
        server.closeFuture().sync();
    }

    /** One client connection: its requests go to its own backend connection, opened when first needed. */
    static final class Frontend extends ChannelInboundHandlerAdapter {

        private final Bootstrap client;
        private final URI backend;
        private final Queue<Object> waiting = new ArrayDeque<>();
        private Channel upstream;
        private boolean connecting;

        Frontend(Bootstrap client, URI backend) {
            this.client = client;
            this.backend = backend;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                request.headers().set(HttpHeaderNames.HOST, backend.getAuthority());
            }
            if (upstream != null && upstream.isActive()) {
                upstream.write(msg);
                return;
            }
            waiting.add(msg);
            if (!connecting) {
                connect(ctx.channel());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (upstream != null && upstream.isActive()) {
                upstream.flush();
            }
        }

        private void connect(Channel downstream) {
            connecting = true;
            client.clone(downstream.eventLoop()).handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new Backend(downstream, Frontend.this));
                }
            }).connect(backend.getHost(), backend.getPort()).addListener((ChannelFutureListener) done -> {
                connecting = false;
                if (!done.isSuccess()) {
                    waiting.forEach(ReferenceCountUtil::release);
                    waiting.clear();
                    downstream.close();
                    return;
                }
                upstream = done.channel();
                while (!waiting.isEmpty()) {
                    upstream.write(waiting.poll());
                }
                upstream.flush();
            });
        }

        /** The backend said it closes this connection after its answer: the next request opens another. */
        void retire(Channel closing) {
            if (upstream == closing) {
                upstream = null;
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (upstream != null) {
                upstream.close();
            }
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The backend's answers, written back to the client; the backend closing its side leaves the client's open. */
    static final class Backend extends ChannelInboundHandlerAdapter {

        private final Channel downstream;
        private final Frontend frontend;

        Backend(Channel downstream, Frontend frontend) {
            this.downstream = downstream;
            this.frontend = frontend;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpResponse response
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
                response.headers().remove(HttpHeaderNames.CONNECTION);
                frontend.retire(ctx.channel());
            }
            downstream.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            downstream.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            downstream.close();
        }
    }
}
