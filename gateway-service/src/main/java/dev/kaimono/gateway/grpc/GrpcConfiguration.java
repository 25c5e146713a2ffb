package dev.kaimono.gateway.grpc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.routing.RoutingProperties;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client of inventory's {@code StockLookup} and the route that converts the public availability reads to it:
 * a gateway route (so correlation, security and rate limits apply as to every route), ordered before
 * inventory-service's own route, which keeps everything else under {@code /api/inventory} (the administrators'
 * writes) proxied over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcProperties.class)
class GrpcConfiguration {

    @Bean
    StockLookupClient stockLookupClient(GrpcProperties properties, ObservationRegistry observations) {
        return new StockLookupClient(properties.inventory(), new ObservationGrpcClientInterceptor(observations));
    }

    @Bean
    RouteLocator inventoryReadsRoute(RouteLocatorBuilder builder, StockLookupClient inventory,
            ReactiveResilience4JCircuitBreakerFactory breakers, RoutingProperties routing, Problems problems,
            JsonMapper json) {
        InventoryReadsFilter filter = new InventoryReadsFilter(inventory, breakers, routing.responseTimeout(), problems, json);
        return builder.routes()
                .route("inventory-reads", route -> route.order(-1)
                        .method(HttpMethod.GET, HttpMethod.HEAD).and().path("/api/inventory", "/api/inventory/{productId}")
                        .filters(filters -> filters.filter(filter))
                        .uri(Downstream.INVENTORY.uri()))
                .build();
    }
}
