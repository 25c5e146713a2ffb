package dev.kaimono.gateway.aggregation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.api.inventory.v1.Availability;

import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.error.RetryAfter;
import dev.kaimono.gateway.grpc.AvailabilityLookup;

import static org.assertj.core.api.Assertions.assertThat;

class ProductDetailsFilterTest {

    private static final String PRODUCT = "7d0c3a52-5a9e-4c8e-9d61-3f1f1f7f0a01";
    private static final AvailabilityLookup NOT_KEPT =
            (product, exchange, deadline) -> Mono.error(Status.NOT_FOUND.asRuntimeException());

    @Test
    void letsTheAvailabilityLookupFinishWhenTheProductIsUnknown() {
        AtomicBoolean availabilityCancelled = new AtomicBoolean();
        WebClient catalog = answering(Mono.just(notFound()));
        AvailabilityLookup inventory = (product, exchange, deadline) -> Mono.delay(Duration.ofMillis(50))
                .then(Mono.<Availability>error(Status.NOT_FOUND.asRuntimeException()))
                .doOnCancel(() -> availabilityCancelled.set(true));
        MockServerWebExchange exchange = productDetails(catalog, inventory, breakers(null));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(availabilityCancelled).isFalse();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhenCatalogsBulkheadIsFull() {
        ReactiveResilience4jBulkheadProvider noRoom = new ReactiveResilience4jBulkheadProvider(BulkheadRegistry.ofDefaults());
        noRoom.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom().maxConcurrentCalls(0).build())
                .build());

        MockServerWebExchange exchange = productDetails(answering(Mono.error(new AssertionError("never called"))),
                NOT_KEPT, breakers(noRoom));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void answersServiceUnavailableRatherThanGatewayTimeoutWhenNoConnectionToCatalogCameFree() {
        MockServerWebExchange exchange = productDetails(
                answering(Mono.error(new PoolAcquireTimeoutException(Duration.ofMillis(100)))),
                NOT_KEPT, breakers(null));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    private static MockServerWebExchange productDetails(WebClient catalog, AvailabilityLookup inventory,
            ReactiveResilience4JCircuitBreakerFactory breakers) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.GET, URI.create("/api/product-details/" + PRODUCT)));
        exchange.getAttributes().put(ServerWebExchangeUtils.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", PRODUCT));
        new ProductDetailsFilter(catalog, inventory, breakers,
                new ProductDetailsProperties(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                new Problems(JsonMapper.builder().build()), new RetryAfter(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                JsonMapper.builder().build())
                .filter(exchange, unused -> Mono.error(new AssertionError("nothing is proxied")))
                .block(Duration.ofSeconds(5));
        return exchange;
    }

    private static ReactiveResilience4JCircuitBreakerFactory breakers(ReactiveResilience4jBulkheadProvider bulkheads) {
        ReactiveResilience4JCircuitBreakerFactory breakers = new ReactiveResilience4JCircuitBreakerFactory(
                CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), bulkheads,
                new Resilience4JConfigurationProperties());
        breakers.configureDefault(id -> new Resilience4JConfigBuilder(id).build());
        return breakers;
    }

    private static WebClient answering(Mono<ClientResponse> response) {
        return WebClient.builder().exchangeFunction(request -> response).build();
    }

    private static ClientResponse notFound() {
        return ClientResponse.create(HttpStatus.NOT_FOUND)
                .header("Content-Type", "application/problem+json")
                .body(Flux.empty())
                .build();
    }
}
