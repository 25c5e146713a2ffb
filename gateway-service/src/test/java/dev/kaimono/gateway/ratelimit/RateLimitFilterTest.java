package dev.kaimono.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import dev.kaimono.gateway.CapturedLog;
import dev.kaimono.gateway.error.Problems;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    private static final RateLimitProperties.Policy STANDARD = new RateLimitProperties.Policy(20, 40, 1);
    private static final RateLimitProperties.Policy LOGIN = new RateLimitProperties.Policy(1, 5, 2);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(50);
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final AtomicInteger routed = new AtomicInteger();
    private final GatewayFilterChain chain = exchange -> Mono.fromRunnable(routed::incrementAndGet);
    private final CapturedLog log = CapturedLog.of(RateLimitFilter.class);

    @AfterEach
    void restoreLogging() {
        log.close();
    }

    @Test
    void routesAnAllowedRequestWithTheRateLimitHeaders() {
        CountingBucket standard = new CountingBucket(() -> Mono.just(response(true, "39")));
        MockServerWebExchange exchange = anonymous("/api/products");

        filter(standard, new CountingBucket(() -> Mono.error(new AssertionError("login bucket used"))))
                .filter(exchange, chain).block();

        assertThat(routed).hasValue(1);
        assertThat(standard.keys).containsExactly("ip:198.51.100.1");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("39");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("40");
    }

    @Test
    void refusesARequestBeyondTheLimitWithATooManyRequestsProblem() {
        CountingBucket login = new CountingBucket(() -> Mono.just(response(false, "0")));
        MockServerWebExchange exchange = anonymous("/api/auth/token");

        filter(new CountingBucket(() -> Mono.error(new AssertionError("default bucket used"))), login)
                .filter(exchange, chain).block();

        assertThat(routed).hasValue(0);
        assertThat(login.keys).containsExactly("ip:198.51.100.1");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":429", "retry after 2 seconds", "\"instance\":\"/api/auth/token\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token", "/api/auth/%74oken", "/api/auth/token/", "/api/auth/token;x=y",
            "/api/users", "/api/users/", "/api/%75sers", "/api/auth/logout", "/api/auth/logout/" })
    void appliesTheLoginPolicyToEverySpellingOfLoginRegistrationAndLogout(String path) {
        CountingBucket standard = new CountingBucket(() -> Mono.just(response(true, "39")));
        CountingBucket login = new CountingBucket(() -> Mono.just(response(true, "4")));

        filter(standard, login).filter(anonymous(path), chain).block();

        assertThat(login.keys).containsExactly("ip:198.51.100.1");
        assertThat(standard.keys).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/users/me", "/api/auth/refresh", "/api/products" })
    void appliesTheDefaultPolicyToAccountsOtherPaths(String path) {
        CountingBucket standard = new CountingBucket(() -> Mono.just(response(true, "39")));
        CountingBucket login = new CountingBucket(() -> Mono.just(response(true, "4")));

        filter(standard, login).filter(anonymous(path), chain).block();

        assertThat(standard.keys).containsExactly("ip:198.51.100.1");
        assertThat(login.keys).isEmpty();
    }

    @Test
    void letsRequestsThroughWhenRedisFails() {
        CountingBucket failing = new CountingBucket(() -> Mono.error(new IllegalStateException("Redis down")));
        MockServerWebExchange exchange = anonymous("/api/products");

        filter(failing, failing).filter(exchange, chain).block();

        assertThat(routed).hasValue(1);
        assertThat(exchange.getResponse().getHeaders().containsHeader("X-RateLimit-Remaining")).isFalse();
    }

    @Test
    void letsRequestsThroughWhenRedisIsTooSlow() {
        CountingBucket hanging = new CountingBucket(Mono::never);

        filter(hanging, hanging).filter(anonymous("/api/products"), chain).block(Duration.ofSeconds(5));

        assertThat(routed).hasValue(1);
    }

    @Test
    void treatsTheLimiterOwnFailOpenAnswerAsAnOutage() {
        CountingBucket failedOpen = new CountingBucket(() -> Mono.just(response(true, "-1")));
        RateLimitFilter filter = filter(failedOpen, failedOpen);

        filter.filter(anonymous("/api/products"), chain).block();
        filter.filter(anonymous("/api/products"), chain).block();

        assertThat(routed).hasValue(2);
        assertThat(failedOpen.keys).hasSize(1);
    }

    @Test
    void leavesRedisAloneDuringTheBackoffAndTriesAgainAfterIt() {
        AtomicReference<Mono<RateLimiter.Response>> answer = new AtomicReference<>(Mono.error(new IllegalStateException()));
        CountingBucket bucket = new CountingBucket(answer::get);
        RateLimitFilter filter = filter(bucket, bucket);

        filter.filter(anonymous("/api/products"), chain).block();
        now.set(now.get().plus(BACKOFF).minusMillis(1));
        filter.filter(anonymous("/api/products"), chain).block();
        assertThat(bucket.keys).hasSize(1);

        answer.set(Mono.just(response(false, "0")));
        now.set(now.get().plusMillis(1));
        MockServerWebExchange limited = anonymous("/api/products");
        filter.filter(limited, chain).block();

        assertThat(bucket.keys).hasSize(2);
        assertThat(limited.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(routed).hasValue(2);
    }

    @Test
    void logsAnOutageOnceAndTheRecoveryOnce() {
        AtomicReference<Mono<RateLimiter.Response>> answer = new AtomicReference<>(Mono.error(new IllegalStateException()));
        RateLimitFilter filter = filter(new CountingBucket(answer::get), new CountingBucket(answer::get));

        for (int i = 0; i < 3; i++) {
            filter.filter(anonymous("/api/products"), chain).block();
            now.set(now.get().plus(BACKOFF));
        }
        answer.set(Mono.just(response(true, "39")));
        filter.filter(anonymous("/api/products"), chain).block();
        filter.filter(anonymous("/api/products"), chain).block();

        assertThat(log.events()).hasSize(2);
        assertThat(log.events().get(0)).startsWith("WARN Rate limiting is suspended");
        assertThat(log.events().get(1)).isEqualTo("INFO Rate limiting is back: Redis answers again");
    }

    private RateLimitFilter filter(TokenBucket standard, TokenBucket login) {
        return new RateLimitFilter(new RateLimitFilter.Limit(STANDARD, standard), new RateLimitFilter.Limit(LOGIN, login),
                new ClientKeyResolver(List.of()), new Problems(JsonMapper.builder().build()), REDIS_TIMEOUT, BACKOFF,
                clock);
    }

    private static MockServerWebExchange anonymous(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.POST, URI.create(path))
                .remoteAddress(new InetSocketAddress("198.51.100.1", 50000)));
    }

    private static RateLimiter.Response response(boolean allowed, String remaining) {
        return new RateLimiter.Response(allowed, Map.of("X-RateLimit-Remaining", remaining,
                "X-RateLimit-Burst-Capacity", "40", "X-RateLimit-Replenish-Rate", "20"));
    }

    /** A bucket that answers as told and records the keys it was asked about. */
    private static final class CountingBucket implements TokenBucket {

        final List<String> keys = new CopyOnWriteArrayList<>();
        private final Supplier<Mono<RateLimiter.Response>> answer;

        CountingBucket(Supplier<Mono<RateLimiter.Response>> answer) {
            this.answer = answer;
        }

        @Override
        public Mono<RateLimiter.Response> take(String clientKey) {
            keys.add(clientKey);
            return answer.get();
        }
    }
}
