package dev.kaimono.gateway.aggregation;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.answer.OwnAnswers;
import dev.kaimono.gateway.correlation.CorrelationId;
import dev.kaimono.gateway.error.Overload;
import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.error.RetryAfter;
import dev.kaimono.gateway.grpc.GrpcStatuses;
import dev.kaimono.gateway.grpc.AvailabilityLookup;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/product-details/{id}}: the product from catalog-service and its availability from
 * inventory-service (over its gRPC API, ADR 0032), asked in parallel. The product decides the answer (404, 503 with {@code Retry-After} or 504
 * when catalog cannot give it, 502 when its answer is larger than the gateway holds in memory); availability is
 * best effort: when inventory fails, is open-circuited, has no room for the call or misses its deadline, the
 * product still comes back with {@code availability: "UNKNOWN"}. The availability lookup is let finish even when the product has failed
 * (its deadline bounds the wait): cut off while its own error is under way, WebClient would drop that error
 * into the log as an ERROR.
 */
final class ProductDetailsFilter implements GatewayFilter {

    private static final Logger log = LoggerFactory.getLogger(ProductDetailsFilter.class);

    private final WebClient catalog;
    private final AvailabilityLookup inventory;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final ProductDetailsProperties properties;
    private final Problems problems;
    private final RetryAfter retryAfter;
    private final JsonMapper json;

    ProductDetailsFilter(WebClient catalog, AvailabilityLookup inventory, ReactiveCircuitBreakerFactory<?, ?> breakers,
            ProductDetailsProperties properties, Problems problems, RetryAfter retryAfter, JsonMapper json) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.breakers = breakers;
        this.properties = properties;
        this.problems = problems;
        this.retryAfter = retryAfter;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("id");
        if (!OwnAnswers.isUuid(id)) {
            return problems.invalid(exchange, List.of(new Problems.FieldError("id", "must be a UUID")));
        }
        Mono<ObjectNode> product = breakers.create("catalog-service").run(
                get(catalog, "/api/products/" + id, exchange).timeout(properties.catalogTimeout()),
                Mono::error);
        Mono<Availability> availability = breakers.create("inventory-service").run(
                inventory.availability(id, exchange, properties.inventoryTimeout()).map(Availability::of),
                failure -> Mono.just(Availability.after(failure)));
        return Mono.zipDelayError(product, availability)
                .flatMap(both -> OwnAnswers.json(exchange, json, both.getT2().addTo(both.getT1())))
                .onErrorResume(failure -> fail(exchange, failure, id));
    }

    private Mono<ObjectNode> get(WebClient client, String path, ServerWebExchange exchange) {
        return client.get().uri(path)
                .headers(headers -> {
                    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(CorrelationId.HEADER, CorrelationId.of(exchange));
                    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                })
                .retrieve()
                .bodyToMono(String.class)
                .map(body -> (ObjectNode) json.readTree(body));
    }

    private Mono<Void> fail(ServerWebExchange exchange, Throwable failure, String id) {
        HttpStatus status = statusFor(failure);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return problems.write(exchange, status, detailFor(failure, id), retryAfter.header(failure));
        }
        return problems.write(exchange, status, detailFor(failure, id));
    }

    private static HttpStatus statusFor(Throwable failure) {
        if (failure instanceof WebClientResponseException.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (failure instanceof TimeoutException && !Overload.shedByGateway(failure)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (failure.getCause() instanceof DataBufferLimitException) {
            return HttpStatus.BAD_GATEWAY;
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    private static String detailFor(Throwable failure, String id) {
        return switch (statusFor(failure)) {
            case NOT_FOUND -> "No product " + id;
            case GATEWAY_TIMEOUT -> "catalog-service did not answer in time";
            case BAD_GATEWAY -> "catalog-service described the product in more bytes than the gateway reads";
            default -> {
                log.debug("catalog-service failed for product {}", id, failure);
                yield "catalog-service is unavailable; try again shortly";
            }
        };
    }

    /** What the shopper learns about stock: IN_STOCK / OUT_OF_STOCK with the count, or UNKNOWN. */
    record Availability(String status, Integer available) {

        static Availability of(dev.kaimono.api.inventory.v1.Availability stock) {
            int available = stock.getAvailable();
            return new Availability(available > 0 ? "IN_STOCK" : "OUT_OF_STOCK", available);
        }

        static Availability after(Throwable failure) {
            if (GrpcStatuses.notFound(failure)) {
                return new Availability("OUT_OF_STOCK", 0);
            }
            log.debug("Availability unknown: {}", failure.toString());
            return new Availability("UNKNOWN", null);
        }

        ObjectNode addTo(ObjectNode product) {
            product.put("availability", status);
            if (available == null) {
                product.putNull("available");
            } else {
                product.put("available", available);
            }
            return product;
        }
    }
}
