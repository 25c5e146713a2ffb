package dev.kaimono.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.grpc.StatusRuntimeException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.kaimono.gateway.error.Overload;
import dev.kaimono.gateway.error.RetryAfter;

/**
 * Builds one route per downstream service from {@link Downstream} (its paths, less its internal ones), each
 * behind its own circuit breaker and bulkhead and with the configured connect and response timeouts, balanced
 * over the service's instances ({@link StaticInstances}). The
 * breaker has no time limiter of its own: the response timeout of the HTTP client is the single deadline (504),
 * so a long body is never cut off. The bulkhead caps the calls in flight to each service; a call beyond the cap
 * is answered 503 at once and, being the gateway's decision, never counts towards opening the breaker (ADR 0015).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServicesProperties.class, RoutingProperties.class })
class RoutingConfiguration {

    private static final int MAX_CAUSE_DEPTH = 16;

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServicesProperties services, RoutingProperties routing) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Downstream downstream : Downstream.values()) {
            int instances = downstream.instances(services).size();
            routes.route(downstream.serviceId(), route -> exposed(route, downstream)
                    .filters(filters -> {
                        filters.circuitBreaker(breaker -> breaker.setName(downstream.serviceId()));
                        if (instances > 1) {
                            // A request that cannot connect to its instance goes to the next, whatever its method:
                            // nothing of it reached the service. Inside the breaker: one instance down is no failure.
                            filters.retry(retry -> retry.allMethods().setRetries(instances - 1).setSeries()
                                    .setStatuses().setExceptions(ConnectException.class).setBackoff(null));
                        }
                        return filters;
                    })
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                            Math.toIntExact(routing.connectTimeout().toMillis()))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, routing.responseTimeout().toMillis())
                    .uri(downstream.uri()));
        }
        return routes.build();
    }


    private static BooleanSpec exposed(PredicateSpec route, Downstream downstream) {
        BooleanSpec paths = route.path(downstream.paths().toArray(String[]::new));
        if (downstream.internalPaths().isEmpty()) {
            return paths;
        }
        return paths.and().not(internal -> internal.path(downstream.internalPaths().toArray(String[]::new)));
    }

    /**
     * Whether a call failed through the client's fault rather than the service's: a 4xx anywhere in the cause
     * chain, be it the gateway's own refusal (a request body cut off at the limit while it streamed to the
     * service) or a service's 4xx answer that a gateway client turned into an exception (product details asking
     * for an unknown product). Such calls do not count towards opening the breaker, or any client could open it
     * for everyone. A gRPC call (ADR 0032) is the client's fault when its status says the request was wrong.
     */
    static boolean clientFault(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
                return true;
            }
            if (cause instanceof WebClientResponseException answer && answer.getStatusCode().is4xxClientError()) {
                return true;
            }
            if (cause instanceof StatusRuntimeException grpc && switch (grpc.getStatus().getCode()) {
                case INVALID_ARGUMENT, NOT_FOUND, UNAUTHENTICATED, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE -> true;
                default -> false;
            }) {
                return true;
            }
        }
        return false;
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(RoutingProperties routing) {
        RoutingProperties.CircuitBreaker settings = routing.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .ignoreException(error -> clientFault(error) || Overload.shedByGateway(error))
                .writableStackTraceEnabled(false)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }

    /**
     * One semaphore bulkhead per service, sized by {@code max-concurrent-calls}, shared by the service's route and
     * the product-details calls to it. A call holds its permit until the service's response headers are in (the
     * body is streamed to the client after the breaker's part of the chain). It never waits for a permit:
     * Resilience4j's semaphore would wait by blocking the event loop. Any other breaker id is a programming error
     * rather than a silent default of 25 calls.
     */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> bulkheads(RoutingProperties routing) {
        return bulkheads -> {
            for (Downstream downstream : Downstream.values()) {
                BulkheadConfig config = BulkheadConfig.custom()
                        .maxConcurrentCalls(routing.maxConcurrentCalls(downstream))
                        .maxWaitDuration(Duration.ZERO)
                        .writableStackTraceEnabled(false)
                        .build();
                bulkheads.configure(bulkhead -> bulkhead.bulkheadConfig(config), downstream.serviceId());
            }
            bulkheads.configureDefault(id -> {
                throw new IllegalStateException("No bulkhead is configured for '" + id
                        + "': add it to kaimono.gateway.routing.max-concurrent-calls");
            });
        };
    }

    @Bean
    RetryAfter retryAfter(RoutingProperties routing) {
        return new RetryAfter(routing.retryAfter(), routing.circuitBreaker().waitDurationInOpenState());
    }
}
