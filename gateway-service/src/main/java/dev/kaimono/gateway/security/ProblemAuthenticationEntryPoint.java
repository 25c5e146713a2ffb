package dev.kaimono.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.error.Problems;

/**
 * Answers 401 with an RFC 6750 {@code WWW-Authenticate: Bearer} challenge and a problem body. Why a token
 * was refused (expired, wrong issuer, unknown key, ...) is logged at debug level, not told to the client.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final Problems problems;

    ProblemAuthenticationEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        Challenge challenge = Challenge.of(failure);
        if (challenge.tokenPresented()) {
            log.debug("Refused bearer token on {}: {}", exchange.getRequest().getPath().value(),
                    failure.getMessage());
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, challenge.detail(),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge.header()));
    }

    /** The RFC 6750 challenge for a failed authentication, and the problem detail that goes with it. */
    record Challenge(String header, String detail, boolean tokenPresented) {

        static Challenge of(AuthenticationException failure) {
            if (failure instanceof OAuth2AuthenticationException oauth) {
                String code = oauth.getError().getErrorCode();
                if (BearerTokenErrorCodes.INVALID_REQUEST.equals(code)) {
                    return new Challenge("Bearer error=\"invalid_request\"",
                            "The request carries a malformed bearer token.", true);
                }
                return new Challenge("Bearer error=\"invalid_token\", "
                        + "error_description=\"The access token is invalid or has expired\"",
                        "The access token is invalid or has expired.", true);
            }
            return new Challenge("Bearer", "This resource requires a bearer access token.", false);
        }
    }
}
