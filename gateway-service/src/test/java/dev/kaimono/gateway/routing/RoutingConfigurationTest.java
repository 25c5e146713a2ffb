package dev.kaimono.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RoutingConfigurationTest {

    private static final int WINDOW = 4;

    private static final RoutingProperties ROUTING = routing(Map.of("payment-service", 2));

    private final RoutingConfiguration configuration = new RoutingConfiguration();

    @Test
    void givesEachServiceABulkheadOfItsOwnSizeThatRefusesOneCallMoreAtOnce() {
        ReactiveResilience4jBulkheadProvider bulkheads = bulkheads();
        List<Disposable> inFlight = List.of(call(bulkheads, "payment-service", Mono.never()),
                call(bulkheads, "payment-service", Mono.never()));

        assertThatThrownBy(() -> bulkheads.decorateMono("payment-service", Map.of(), Mono.just("one more")).block())
                .isInstanceOf(BulkheadFullException.class);
        assertThat(bulkheads.decorateMono("order-service", Map.of(), Mono.just("another service")).block())
                .isEqualTo("another service");
        inFlight.forEach(Disposable::dispose);
        assertThat(bulkheads.decorateMono("payment-service", Map.of(), Mono.just("room again")).block())
                .isEqualTo("room again");
    }

    @Test
    void neverWaitsForRoomWhichWouldBlockTheEventLoop() {
        ReactiveResilience4jBulkheadProvider bulkheads = bulkheads();
        for (Downstream downstream : Downstream.values()) {
            bulkheads.decorateMono(downstream.serviceId(), Map.of(), Mono.empty()).block();
        }

        assertThat(bulkheads.getBulkheadRegistry().getAllBulkheads())
                .extracting(Bulkhead::getName, bulkhead -> bulkhead.getBulkheadConfig().getMaxConcurrentCalls(),
                        bulkhead -> bulkhead.getBulkheadConfig().getMaxWaitDuration())
                .containsExactlyInAnyOrder(Arrays.stream(Downstream.values())
                        .map(downstream -> tuple(downstream.serviceId(),
                                ROUTING.maxConcurrentCalls(downstream), Duration.ZERO))
                        .toArray(Tuple[]::new));
    }

    @Test
    void refusesABreakerThatNoBulkheadIsConfiguredFor() {
        ReactiveResilience4jBulkheadProvider bulkheads = bulkheads();

        assertThatThrownBy(() -> bulkheads.decorateMono("search-service", Map.of(), Mono.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kaimono.gateway.routing.max-concurrent-calls");
    }

    @Test
    void keepsTheCircuitClosedWhenTheGatewayShedsCallsItHadNoRoomFor() {
        CircuitBreaker breaker = breakerAfter(List.of(
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("payment-service")),
                new PoolAcquirePendingLimitException(32),
                // How the routing filter reports a pool's acquire timeout: as its own 504 around it.
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout",
                        new PoolAcquireTimeoutException(Duration.ofSeconds(1))),
                new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE)));

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void opensTheCircuitWhenTheServiceCannotBeReachedOrAnswersTooLate() {
        CircuitBreaker breaker = breakerAfter(List.of(new ConnectException("Connection refused"),
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout",
                        new TimeoutException())));

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    /** The payment-service breaker after each error has failed a window's worth of calls. */
    private CircuitBreaker breakerAfter(List<Throwable> errors) {
        Resilience4JConfigurationProperties properties = new Resilience4JConfigurationProperties();
        properties.setDisableTimeLimiter(true);
        ReactiveResilience4JCircuitBreakerFactory breakers = new ReactiveResilience4JCircuitBreakerFactory(
                CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null, properties);
        configuration.circuitBreakerDefaults(ROUTING).customize(breakers);
        for (Throwable error : errors) {
            for (int call = 0; call < WINDOW; call++) {
                breakers.create("payment-service").run(Mono.error(error), failure -> Mono.empty()).block();
            }
        }
        return breakers.getCircuitBreakerRegistry().find("payment-service").orElseThrow();
    }

    private ReactiveResilience4jBulkheadProvider bulkheads() {
        ReactiveResilience4jBulkheadProvider bulkheads = new ReactiveResilience4jBulkheadProvider(
                BulkheadRegistry.ofDefaults());
        configuration.bulkheads(ROUTING).customize(bulkheads);
        return bulkheads;
    }

    private static Disposable call(ReactiveResilience4jBulkheadProvider bulkheads, String service, Mono<String> call) {
        return bulkheads.decorateMono(service, Map.of(), call).subscribe();
    }

    /** Settings with 64 calls at once for every service but those given. */
    static RoutingProperties routing(Map<String, Integer> maxConcurrentCalls) {
        Map<String, Integer> calls = Arrays.stream(Downstream.values())
                .collect(Collectors.toMap(Downstream::serviceId, downstream -> 64));
        calls.putAll(maxConcurrentCalls);
        return new RoutingProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), calls,
                new RoutingProperties.CircuitBreaker(WINDOW, WINDOW, 50, Duration.ofSeconds(60), 1));
    }
}
