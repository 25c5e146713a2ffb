package dev.kaimono.gateway.grpc;

import java.time.Duration;

import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.api.inventory.v1.Availability;
import reactor.core.publisher.Mono;

/** The availability of one product, as inventory tells it to the client of the exchange. */
@FunctionalInterface
public interface AvailabilityLookup {

    /** Fails with a {@code NOT_FOUND} status ({@link GrpcStatuses#notFound}) when inventory keeps no stock for it. */
    Mono<Availability> availability(String productId, ServerWebExchange exchange, Duration deadline);
}
