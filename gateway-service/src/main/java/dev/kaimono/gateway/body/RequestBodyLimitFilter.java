package dev.kaimono.gateway.body;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.kaimono.gateway.error.Problems;

/**
 * Keeps request bodies over {@code kaimono.gateway.max-request-body} away from the services. A request that
 * declares a larger {@code Content-Length} is answered 413 at once, before authentication and without reading
 * a byte of its body. A body without a declared length (chunked) is counted while it streams to the service
 * and cut off once it passes the limit; the service sees an aborted request, never the whole body, and the
 * client gets the same 413. Either answer closes the connection, since the rest of the body is not read.
 */
@Component
@EnableConfigurationProperties(RequestBodyProperties.class)
class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** Right after the correlation id is settled, so even a refusal this early carries it. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final long limit;
    private final Problems problems;

    RequestBodyLimitFilter(RequestBodyProperties properties, Problems problems) {
        this.limit = properties.maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            return tooLarge(exchange);
        }
        ServerWebExchange limited = exchange.mutate()
                .request(new LimitedBodyRequest(exchange.getRequest(), limit))
                .build();
        return chain.filter(limited)
                .onErrorResume(RequestBodyLimitFilter::bodyTooLarge, error -> limited.getResponse().isCommitted()
                        ? Mono.error(error)
                        : tooLarge(limited));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes the gateway accepts.",
                headers -> headers.setConnection("close"));
    }

    private static boolean bodyTooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
