package dev.kaimono.gateway.error;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.correlation.CorrelationId;

/**
 * Turns every exception that escapes routing into a problem response, ahead of Boot's default handler (which
 * is {@code @Order(-1)}); a 503 says when to try again. Once the response is committed, for example when a
 * downstream breaks off in the middle of a body, nothing can be written any more and the connection is closed.
 * Calls the gateway shed for want of room are logged at debug only: under overload a warning for each would
 * cost the very CPU that is short. So is a failure that follows the client's hang-up (a shopper who closed the page,
 * a load generator that stopped): the answer could not be sent, which is no fault of the downstream's. (The
 * problem is still written, as to any client; on a closed connection nothing arrives.) Reactor restores thread
 * locals only where asked (ADR 0017), so the log line is written with the request's trace context restored from
 * the Reactor context: it carries the trace id.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);
    private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    private final Problems problems;
    private final RetryAfter retryAfter;

    GatewayErrorHandler(Problems problems, RetryAfter retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Failure failure = Failure.of(error);
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope traced = snapshots.setThreadLocalsFrom(context)) {
                log(exchange, failure, error, clientGone(exchange));
            }
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            return problems.write(exchange, failure.status(), failure.detail(), retryAfter.header(failure));
        });
    }

    /**
     * Whether the connection the request came on has closed: the client hung up before its answer was sent. (A
     * client that hangs up earlier, while the downstream still works, has its exchange cancelled and never gets
     * here; one that hangs up just as the downstream's answer arrives does, with an {@code AbortedException}.)
     */
    private static boolean clientGone(ServerWebExchange exchange) {
        try {
            return closed(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()));
        }
        catch (IllegalArgumentException notOnANettyConnection) {
            return false;
        }
    }

    /** Whether a server request's native request is a Reactor Netty connection that has closed. */
    static boolean closed(Object inbound) {
        return inbound instanceof Connection connection && !connection.channel().isActive();
    }

    private static void log(ServerWebExchange exchange, Failure failure, Throwable error, boolean clientGone) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String target = route != null ? route.getId() : "no route";
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (failure.unexpected()) {
            log.error("{} ({}) failed, correlation id {}", request, target, CorrelationId.of(exchange), error);
        }
        else if (clientGone) {
            log.debug("{} ({}) not answered: the client closed its connection first ({})", request, target,
                    error.toString());
        }
        else if (failure.status().is5xxServerError() && !Overload.shedByGateway(error)) {
            log.warn("{} ({}) answered {}: {}, correlation id {}", request, target, failure.status().value(),
                    error.toString(), CorrelationId.of(exchange));
        }
        else if (log.isDebugEnabled()) {
            log.debug("{} ({}) answered {}: {}", request, target, failure.status().value(), error.toString());
        }
    }
}
