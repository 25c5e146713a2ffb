package dev.kaimono.gateway.aggregation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.error.RetryAfter;
import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.routing.ServicesProperties;
import dev.kaimono.gateway.routing.StaticInstances;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
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
    RouteLocator productDetailsRoute(RouteLocatorBuilder builder, ServicesProperties services,
            ProductDetailsProperties properties, ReactiveResilience4JCircuitBreakerFactory breakers, Problems problems,
            RetryAfter retryAfter, JsonMapper json, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            StaticInstances instances) {
        ProductDetailsFilter filter = new ProductDetailsFilter(
                client(Downstream.CATALOG, services.catalog().size(), loadBalancer, instances),
                client(Downstream.INVENTORY, services.inventory().size(), loadBalancer, instances),
                breakers, properties, problems, retryAfter, json);
        return builder.routes()
                .route("product-details", route -> route.method(HttpMethod.GET, HttpMethod.HEAD).and().path("/api/product-details/{id}")
                        .filters(filters -> filters.filter(filter))
                        .uri(Downstream.CATALOG.uri()))
                .build();
    }

    /** A client for one service, balanced over its instances, trying the next one that refuses the connection. */
    private static WebClient client(Downstream service, int count, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            StaticInstances instances) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000);
        return WebClient.builder()
                .baseUrl("http://" + service.serviceId())
                .filter((request, next) -> next.exchange(request)
                        .retryWhen(Retry.max(count - 1L).filter(StaticInstances::notConnected)))
                .filter(loadBalancer)
                .filter(instances.reportRefused(service))
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
                .build();
    }
}
