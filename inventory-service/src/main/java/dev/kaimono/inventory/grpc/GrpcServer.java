package dev.kaimono.inventory.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The gRPC server, started with the application and stopped before it: one Netty thread accepts and reads
 * connections, each call runs on a virtual thread of its own (the use cases block on JDBC), as the REST API's
 * requests do. On stop, the health service turns {@code NOT_SERVING}, calls under way may finish within the grace
 * period, and new ones are refused.
 */
final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    /** The property that holds the port the server listens on, once started, as {@code local.server.port} for HTTP. */
    static final String LOCAL_PORT_PROPERTY = "local.grpc.port";

    private final GrpcServerProperties properties;
    private final BindableService service;
    private final List<ServerInterceptor> interceptors;
    private final GrpcHealth health;
    private final ConfigurableEnvironment environment;
    private volatile Server server;
    private EventLoopGroup loop;
    private ExecutorService calls;

    GrpcServer(GrpcServerProperties properties, BindableService service, List<ServerInterceptor> interceptors,
            GrpcHealth health, ConfigurableEnvironment environment) {
        this.properties = properties;
        this.service = service;
        this.interceptors = interceptors;
        this.health = health;
        this.environment = environment;
    }

    @Override
    public void start() {
        InetSocketAddress address = properties.address().isBlank() ? new InetSocketAddress(properties.port())
                : new InetSocketAddress(properties.address(), properties.port());
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-call-", 0).factory());
        Server built = NettyServerBuilder.forAddress(address)
                .channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(loop)
                .workerEventLoopGroup(loop)
                .executor(calls)
                .maxInboundMessageSize(properties.maxMessageBytes())
                // Netty's shared allocator rather than a pool of grpc's own.
                .withOption(ChannelOption.ALLOCATOR, ByteBufAllocator.DEFAULT)
                .withChildOption(ChannelOption.ALLOCATOR, ByteBufAllocator.DEFAULT)
                // Clients reconnect, and so resolve the service's name again, every few minutes: behind Kubernetes'
                // headless Service the gateway finds new replicas this way (ADR 0032).
                .maxConnectionAge(properties.maxConnectionAge().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
                .addService(ServerInterceptors.intercept(service, interceptors))
                // Health checks pass no interceptor: no token to check, no metric or trace per probe.
                .addService(health.service())
                .build();
        try {
            server = built.start();
        } catch (IOException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            calls.shutdown();
            throw new UncheckedIOException("Cannot serve gRPC on " + address + ": " + e.getMessage()
                    + " (set kaimono.grpc.port / KAIMONO_GRPC_PORT to a free port)", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("grpc-server", Map.of(LOCAL_PORT_PROPERTY, server.getPort())));
        log.info("gRPC server started on port {}", server.getPort());
    }

    @Override
    public void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        health.stop();
        running.shutdown();
        try {
            if (!running.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            server = null;
            calls.shutdown();
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Stops before the web server does (Boot's graceful shutdown runs in a lower phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
