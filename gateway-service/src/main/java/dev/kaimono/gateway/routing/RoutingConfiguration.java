package dev.kaimono.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
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

import dev.kaimono.gateway.error.RetryAfter;

/**
 * Builds one route per downstream service from {@link Downstream} (its paths, less its internal ones), each
 * behind its own circuit breaker and with the configured connect and response timeouts. The breaker has no time
 * limiter of its own: the response timeout of the HTTP client is the single deadline (504), so a long body is
 * never cut off. A 503 tells the client when to retry: after the breaker's wait when it is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServicesProperties.class, RoutingProperties.class })
class RoutingConfiguration {

    private static final int MAX_CAUSE_DEPTH = 16;

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServicesProperties services, RoutingProperties routing) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Downstream downstream : Downstream.values()) {
            routes.route(downstream.serviceId(), route -> exposed(route, downstream)
                    .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName(downstream.serviceId())))
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                            Math.toIntExact(routing.connectTimeout().toMillis()))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, routing.responseTimeout().toMillis())
                    .uri(downstream.uri(services)));
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
     * for everyone.
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
                .ignoreException(RoutingConfiguration::clientFault)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }

    @Bean
    RetryAfter retryAfter(RoutingProperties routing) {
        return new RetryAfter(routing.retryAfter(), routing.circuitBreaker().waitDurationInOpenState());
    }
}
