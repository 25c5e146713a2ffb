package dev.kaimono.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.kaimono.gateway.error.Problems;

/**
 * Applies the token-bucket policies to every routed request: the login policy to the endpoints that tell
 * something about an account ({@link #LOGIN_PATHS}: login, registration, which answers 409 for a known email,
 * and logout), the default policy to everything else. An allowed response carries the {@code X-RateLimit-*}
 * headers; a refused one is a 429 problem with {@code Retry-After} as well.
 *
 * <p>Rate limiting must never take the shop down: when Redis fails or is slow, requests pass unlimited, the
 * outage is logged once, and Redis is left alone for the back-off period before it is tried again.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

    /**
     * Where guessing pays, so the login policy applies: guessing passwords, probing which emails have an account
     * and trying refresh tokens on logout would otherwise all go as fast as the default policy lets anyone
     * browse. One bucket per client for all of them.
     */
    static final List<String> LOGIN_PATHS = List.of("/api/auth/token", "/api/users", "/api/auth/logout");

    /**
     * Matched like the routes are, on the decoded path, so {@code /api/auth/%74oken} or a trailing slash cannot
     * slip a login past the stricter policy.
     */
    private static final List<PathPattern> LOGIN_PATTERNS = LOGIN_PATHS.stream()
            .flatMap(path -> Stream.of(path, path + "/"))
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    /** Runs before the circuit breaker and the routing filters, so a refused request never reaches a service. */
    static final int ORDER = -100;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final Limit standard;
    private final Limit login;
    private final ClientKeyResolver keys;
    private final Problems problems;
    private final Duration redisTimeout;
    private final Duration outageBackoff;
    private final InstantSource clock;
    private final AtomicReference<@Nullable Instant> outageRetryAt = new AtomicReference<>();

    RateLimitFilter(Limit standard, Limit login, ClientKeyResolver keys, Problems problems, Duration redisTimeout,
            Duration outageBackoff, InstantSource clock) {
        this.standard = standard;
        this.login = login;
        this.keys = keys;
        this.problems = problems;
        this.redisTimeout = redisTimeout;
        this.outageBackoff = outageBackoff;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Limit limit = LOGIN_PATTERNS.stream().anyMatch(pattern -> pattern.matches(path)) ? login : standard;
        return keys.resolve(exchange)
                .flatMap(key -> check(limit, key))
                .flatMap(verdict -> {
                    if (verdict.allowed()) {
                        exchange.getResponse().getHeaders().setAll(verdict.headers());
                        return chain.filter(exchange);
                    }
                    return refuse(exchange, limit, verdict);
                });
    }

    private Mono<Verdict> check(Limit limit, String key) {
        Instant retryAt = outageRetryAt.get();
        if (retryAt != null && clock.instant().isBefore(retryAt)) {
            return Mono.just(Verdict.UNLIMITED);
        }
        return Mono.defer(() -> limit.bucket().take(key))
                .timeout(redisTimeout)
                .map(response -> verdict(response, retryAt))
                .onErrorResume(error -> Mono.just(outage(error.toString(), retryAt)));
    }

    private Verdict verdict(RateLimiter.Response response, @Nullable Instant retryAt) {
        // RedisRateLimiter fails open by itself on Redis errors and reports -1 tokens left when it did.
        if ("-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
            return outage("the rate limiter could not reach Redis", retryAt);
        }
        if (retryAt != null && outageRetryAt.compareAndSet(retryAt, null)) {
            log.info("Rate limiting is back: Redis answers again");
        }
        return new Verdict(response.isAllowed(), response.getHeaders());
    }

    private Verdict outage(String reason, @Nullable Instant previousRetryAt) {
        Instant next = clock.instant().plus(outageBackoff);
        if (outageRetryAt.compareAndSet(previousRetryAt, next) && previousRetryAt == null) {
            log.warn("Rate limiting is suspended, requests pass unlimited until Redis answers again: {}", reason);
        }
        return Verdict.UNLIMITED;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Limit limit, Verdict verdict) {
        long retryAfter = limit.policy().retryAfterSeconds();
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + retryAfter + " second" + (retryAfter == 1 ? "" : "s") + ".",
                headers -> {
                    headers.setAll(verdict.headers());
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                });
    }

    /** A policy and the buckets that enforce it. */
    record Limit(RateLimitProperties.Policy policy, TokenBucket bucket) {
    }

    /** Whether a request may pass, and the rate-limit headers to send with the answer. */
    private record Verdict(boolean allowed, Map<String, String> headers) {

        static final Verdict UNLIMITED = new Verdict(true, Map.of());
    }
}
