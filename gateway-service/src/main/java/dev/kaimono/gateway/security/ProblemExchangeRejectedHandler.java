package dev.kaimono.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.error.Problems;

/**
 * Answers 400 with a problem body when Spring Security's firewall refuses a request before anything else looks
 * at it: a path that is not in normal form ({@code ..}, {@code //}, {@code ;}, an encoded {@code /} or
 * {@code .}), which a service might resolve to another path than the gateway checked, or an unknown method.
 * Which rule struck is logged at debug level, not told to the client.
 */
final class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

    private final Problems problems;

    ProblemExchangeRejectedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Rejected {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                rejected.getMessage());
        return problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request is malformed: its path is not in normal form or it uses a method or character the "
                        + "gateway does not accept.");
    }
}
