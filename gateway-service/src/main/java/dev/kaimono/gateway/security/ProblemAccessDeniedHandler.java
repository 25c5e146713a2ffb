package dev.kaimono.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.error.Problems;

/** Answers 403 with a problem body when a valid token lacks the role a route needs. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final Problems problems;

    ProblemAccessDeniedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "The access token does not grant this operation.",
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }
}
