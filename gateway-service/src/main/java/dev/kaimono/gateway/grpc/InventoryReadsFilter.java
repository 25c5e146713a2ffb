package dev.kaimono.gateway.grpc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import com.google.rpc.ErrorInfo;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.gateway.answer.OwnAnswers;
import dev.kaimono.gateway.error.Problems;
import dev.kaimono.gateway.error.Problems.FieldError;
import io.grpc.StatusRuntimeException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/inventory/{productId}} and {@code GET /api/inventory?ids=}, converted to inventory-service's gRPC
 * {@code StockLookup}: the HTTP request read as the REST API reads it (a 400 names the parameter, as there), the
 * call made through the service's circuit breaker and bulkhead with the route's deadline, the answer written as
 * the same JSON. The service's statuses become the problems its REST API would answer (400 with {@code errors},
 * 404 {@code product-not-found}, 503 {@code database-unavailable} with {@code Retry-After}, 401, 403); any other
 * failure (unreachable, paused, too late) goes to the gateway's error handler like a proxied route's (503, 504, 502).
 */
final class InventoryReadsFilter implements GatewayFilter {

    static final int MAX_BATCH = 100;

    private final StockLookupClient inventory;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final Duration deadline;
    private final Problems problems;
    private final JsonMapper json;

    InventoryReadsFilter(StockLookupClient inventory, ReactiveCircuitBreakerFactory<?, ?> breakers, Duration deadline,
            Problems problems, JsonMapper json) {
        this.inventory = inventory;
        this.breakers = breakers;
        this.deadline = deadline;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String productId = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("productId");
        if (productId != null) {
            if (!OwnAnswers.isUuid(productId)) {
                return invalid(exchange, new FieldError("productId", "must be a UUID"));
            }
            return guarded(inventory.availability(productId, exchange, deadline))
                    .flatMap(availability -> OwnAnswers.json(exchange, json, object(availability)))
                    .onErrorResume(failure -> fail(exchange, failure));
        }
        List<String> asked = exchange.getRequest().getQueryParams().get("ids");
        String parameter = "ids";
        if (asked == null) {
            // The earlier name, still understood when ids is absent (docs/api-conventions.md, Transitions).
            asked = exchange.getRequest().getQueryParams().get("productIds");
            parameter = "productIds";
        }
        if (asked == null) {
            return invalid(exchange, new FieldError("ids", "is required"));
        }
        List<String> ids = asked.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).map(String::strip).toList();
        if (!ids.stream().allMatch(OwnAnswers::isUuid)) {
            return invalid(exchange, new FieldError(parameter, "must be UUIDs separated by commas"));
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            return invalid(exchange, new FieldError(parameter, "size must be between 1 and " + MAX_BATCH));
        }
        return guarded(inventory.availability(ids, exchange, deadline))
                .flatMap(availability -> {
                    ArrayNode array = json.createArrayNode();
                    availability.forEach(stock -> array.add(object(stock)));
                    return OwnAnswers.json(exchange, json, array);
                })
                .onErrorResume(failure -> fail(exchange, failure));
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return breakers.create("inventory-service").run(call, Mono::error);
    }

    /** The REST API's JSON: stock on hand and reserved units only when the service gave them (administrators). */
    private ObjectNode object(Availability availability) {
        ObjectNode object = json.createObjectNode().put("productId", availability.getProductId());
        if (availability.hasOnHand()) {
            object.put("onHand", availability.getOnHand());
        }
        if (availability.hasReserved()) {
            object.put("reserved", availability.getReserved());
        }
        return object.put("available", availability.getAvailable());
    }

    private Mono<Void> invalid(ServerWebExchange exchange, FieldError error) {
        return problems.invalid(exchange, List.of(error));
    }

    /**
     * The service's own answers become its problems; the rest (unreachable, paused, too late, anything unforeseen)
     * is the gateway error handler's to classify, log and answer, as for a proxied route.
     */
    private Mono<Void> fail(ServerWebExchange exchange, Throwable failure) {
        StatusRuntimeException status = GrpcStatuses.in(failure).orElse(null);
        if (status == null) {
            return Mono.error(failure);
        }
        return switch (status.getStatus().getCode()) {
            case INVALID_ARGUMENT -> invalidArgument(exchange, status);
            case UNAUTHENTICATED -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired",
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
            case PERMISSION_DENIED -> problems.write(exchange, HttpStatus.FORBIDDEN, status.getStatus().getDescription());
            case NOT_FOUND -> kind(exchange, HttpStatus.NOT_FOUND, status).orElseGet(() -> problems.write(exchange,
                    HttpStatus.NOT_FOUND, status.getStatus().getDescription()));
            case UNAVAILABLE -> kind(exchange, HttpStatus.SERVICE_UNAVAILABLE, status).orElseGet(() -> Mono.error(failure));
            default -> Mono.error(failure);
        };
    }

    /** The fields the service named, or its description when it named none. */
    private Mono<Void> invalidArgument(ServerWebExchange exchange, StatusRuntimeException status) {
        List<FieldError> errors = GrpcStatuses.fieldErrors(status);
        return errors.isEmpty()
                ? problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        status.getStatus().getDescription(), List.of(), headers -> { })
                : problems.invalid(exchange, errors);
    }

    /** The problem of the service's own kind the status names ({@code ErrorInfo}), if it names one. */
    private Optional<Mono<Void>> kind(ServerWebExchange exchange, HttpStatus http, StatusRuntimeException status) {
        return GrpcStatuses.errorInfo(status).map((ErrorInfo info) -> problems.write(exchange, http, info.getReason(),
                info.getMetadataOrDefault("title", http.getReasonPhrase()), status.getStatus().getDescription(), List.of(),
                headers -> GrpcStatuses.retryAfterSeconds(status)
                        .ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)))));
    }
}
