package dev.kaimono.gateway.grpc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.api.inventory.v1.GetAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityResponse;
import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import dev.kaimono.api.inventory.v1.StockLookupMetadata;
import dev.kaimono.gateway.correlation.CorrelationId;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import reactor.core.publisher.Mono;

/**
 * inventory-service's {@code StockLookup} for the gateway's own calls, as Monos: one HTTP/2 connection per
 * instance, the calls spread over the instances in turn, and a call that finds its instance unreachable tried on
 * the next one (a read: nothing of it reached the service). Each call carries the client's bearer token (the
 * service decides what it may see, as over REST), the correlation id and a deadline; cancelling the Mono cancels
 * the call. The client's own work runs on one Netty thread of its own.
 */
public final class StockLookupClient implements AvailabilityLookup, DisposableBean {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<ManagedChannel> channels;
    private final List<Channel> observed;
    private final AtomicInteger turn = new AtomicInteger();

    StockLookupClient(List<String> addresses, ClientInterceptor observation) {
        this.channels = addresses.stream().map(this::channel).toList();
        this.observed = channels.stream().map(channel -> ClientInterceptors.intercept(channel, observation)).toList();
        // Connect now rather than on the first shopper's call (which would pay for it within its deadline).
        channels.forEach(channel -> channel.getState(true));
    }

    private ManagedChannel channel(String address) {
        URI parsed = URI.create("grpc://" + address.strip());
        if (parsed.getHost() == null || parsed.getPort() < 0) {
            throw new IllegalArgumentException("kaimono.gateway.grpc.inventory: '" + address + "' is not host:port");
        }
        // The name is resolved (DNS) to every address behind it, e.g. each pod of a headless Service, and the calls
        // spread over them in turn.
        return NettyChannelBuilder.forAddress(parsed.getHost(), parsed.getPort())
                .defaultLoadBalancingPolicy("round_robin")
                .usePlaintext()
                .channelType(NioSocketChannel.class)
                .eventLoopGroup(loop)
                .directExecutor()
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                // Netty's shared allocator, which Reactor Netty already uses, rather than a pool of grpc's own.
                .withOption(ChannelOption.ALLOCATOR, ByteBufAllocator.DEFAULT)
                .maxInboundMessageSize(MAX_ANSWER_BYTES)
                .build();
    }

    @Override
    public Mono<Availability> availability(String productId, ServerWebExchange exchange, Duration deadline) {
        return call(StockLookupGrpc.getGetAvailabilityMethod(),
                GetAvailabilityRequest.newBuilder().setProductId(productId).build(), exchange, deadline);
    }

    /** The availability of the products inventory keeps stock for among those asked, in the order asked. */
    public Mono<List<Availability>> availability(List<String> ids, ServerWebExchange exchange, Duration deadline) {
        return call(StockLookupGrpc.getListAvailabilityMethod(), ListAvailabilityRequest.newBuilder().addAllIds(ids).build(),
                exchange, deadline).map(ListAvailabilityResponse::getAvailabilityList);
    }

    private <Q, R> Mono<R> call(MethodDescriptor<Q, R> method, Q request, ServerWebExchange exchange, Duration deadline) {
        Metadata headers = new Metadata();
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.put(StockLookupMetadata.AUTHORIZATION, authorization);
        }
        headers.put(StockLookupMetadata.CORRELATION_ID, CorrelationId.of(exchange));
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        int first = Math.floorMod(turn.getAndIncrement(), channels.size());
        return Mono.defer(() -> attempt(method, request, headers, deadlineNanos, first, 0));
    }

    /** One try on one instance; an instance that cannot be reached passes the call on to the next, once each. */
    private <Q, R> Mono<R> attempt(MethodDescriptor<Q, R> method, Q request, Metadata headers, long deadlineNanos,
            int instance, int tried) {
        // An unreachable instance's connection waits out a growing backoff (up to 2 minutes) before it is tried
        // again: a call tries at once instead (the breaker already spaces the calls to an instance that is down),
        // so the first call after the instance is back reaches it.
        ManagedChannel channel = channels.get(instance);
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        Mono<R> answer = unary(observed.get(instance), method, request, headers, deadlineNanos);
        if (tried + 1 >= channels.size()) {
            return answer;
        }
        return answer.onErrorResume(StockLookupClient::unreachable, unreachable -> attempt(method, request, headers,
                deadlineNanos, (instance + 1) % channels.size(), tried + 1));
    }

    /** Whether the call failed before reaching the service: UNAVAILABLE from the transport, without the service's details. */
    static boolean unreachable(Throwable failure) {
        if (!(failure instanceof StatusRuntimeException status) || status.getStatus().getCode() != Status.Code.UNAVAILABLE) {
            return false;
        }
        Metadata trailers = status.getTrailers();
        return trailers == null || !trailers.containsKey(GrpcStatuses.DETAILS);
    }

    private static <Q, R> Mono<R> unary(Channel channel, MethodDescriptor<Q, R> method, Q request, Metadata headers,
            long deadlineNanos) {
        return Mono.create(sink -> {
            CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            ClientCall<Q, R> call = channel.newCall(method, options);
            sink.onCancel(() -> call.cancel("The gateway's client went away", null));
            Metadata callHeaders = new Metadata();
            callHeaders.merge(headers);
            call.start(new ClientCall.Listener<>() {

                private R answer;

                @Override
                public void onMessage(R message) {
                    answer = message;
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    if (!status.isOk()) {
                        sink.error(status.asRuntimeException(trailers));
                    } else if (answer == null) {
                        sink.error(Status.INTERNAL.withDescription("No answer to a unary call").asRuntimeException());
                    } else {
                        sink.success(answer);
                    }
                }
            }, callHeaders);
            call.request(2);
            call.sendMessage(request);
            call.halfClose();
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        channels.forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels) {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        }
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
