package dev.kaimono.gateway.correlation;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs before everything else, security included, so that every response carries the id. The response
 * header is set just before commit, replacing any copy a downstream service echoed, so it appears once.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.accept(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        ServerWebExchange correlated = exchange.mutate().request(request).build();
        correlated.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        ServerHttpResponse response = correlated.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(correlated);
    }
}
