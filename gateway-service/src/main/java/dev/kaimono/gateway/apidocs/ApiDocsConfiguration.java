package dev.kaimono.gateway.apidocs;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.webjars.WebJarVersionLocator;

import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.routing.ServiceClients;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description at {@code GET /api/docs/openapi.json} — a gateway route, so correlation and rate limits apply
 * as to every route — and Swagger UI at {@code /api/docs} showing it (its files from the swagger-ui webjar).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    static final String DESCRIPTION_PATH = "/api/docs/openapi.json";

    @Bean
    RouteLocator apiDocsRoute(RouteLocatorBuilder builder, ServiceClients clients, ApiDocsProperties properties,
            JsonMapper json) {
        ApiDescriptions descriptions = new ApiDescriptions(clients, properties, json, Clock.systemUTC());
        GatewayFilter answer = (exchange, chain) -> descriptions.combined()
                .flatMap(description -> write(exchange, description, json));
        return builder.routes()
                .route("api-docs", route -> route.method(HttpMethod.GET, HttpMethod.HEAD).and().path(DESCRIPTION_PATH)
                        .filters(filters -> filters.filter(answer))
                        .uri(Downstream.CATALOG.uri()))
                .build();
    }

    /** The description as JSON; one that misses a service is not to be cached by anyone either. */
    private static Mono<Void> write(ServerWebExchange exchange, ObjectNode description, JsonMapper json) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setCacheControl(description.has(CombinedDescription.MISSING) ? "no-store" : "max-age=60");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(description))));
    }

    /** Swagger UI: its page at {@code /api/docs}, its scripts and styles under {@code /api/docs/ui/}. */
    @Bean
    RouterFunction<ServerResponse> apiDocsPages() {
        String version = new WebJarVersionLocator().version("swagger-ui");
        if (version == null) {
            throw new IllegalStateException("The swagger-ui webjar is missing from the gateway's jar");
        }
        ClassPathResource page = new ClassPathResource("apidocs/index.html");
        return RouterFunctions.route(RequestPredicates.GET("/api/docs"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .and(RouterFunctions.resources("/api/docs/ui/**",
                        new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + version + "/")))
                .and(RouterFunctions.resources("/api/docs/page/**", new ClassPathResource("apidocs/page/")));
    }
}
