package dev.kaimono.gateway.aggregation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.error.RetryAfter;
import dev.kaimono.gateway.grpc.AvailabilityLookup;
import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.routing.ServiceClients;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product-details route: a gateway route (so correlation, security and rate limits apply as to every
 * route) whose filter composes the answer itself instead of proxying.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductDetailsProperties.class)
class ProductDetailsConfiguration {

    /** The most the gateway holds in memory of one service's answer while it composes product details. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    @Bean
    RouteLocator productDetailsRoute(RouteLocatorBuilder builder, ServiceClients clients,
            ProductDetailsProperties properties, ReactiveResilience4JCircuitBreakerFactory breakers, Problems problems,
            RetryAfter retryAfter, JsonMapper json, AvailabilityLookup inventory) {
        ProductDetailsFilter filter = new ProductDetailsFilter(clients.client(Downstream.CATALOG, MAX_ANSWER_BYTES), inventory,
                breakers, properties, problems, retryAfter, json);
        return builder.routes()
                .route("product-details", route -> route.method(HttpMethod.GET, HttpMethod.HEAD).and().path("/api/product-details/{id}")
                        .filters(filters -> filters.filter(filter))
                        .uri(Downstream.CATALOG.uri()))
                .build();
    }
}
