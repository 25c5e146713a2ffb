package dev.kaimono.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.routing.ServiceClients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The combined API description ({@link CombinedDescription}), asked of every service ({@code GET /v3/api-docs},
 * each with a deadline) and kept for {@link ApiDocsProperties#keepFor()}; a description missing a service is
 * answered but not kept, so the next request asks again.
 */
final class ApiDescriptions {

    private static final Logger log = LoggerFactory.getLogger(ApiDescriptions.class);

    /** The most the gateway holds in memory of one service's description. */
    static final int MAX_DESCRIPTION_BYTES = 1024 * 1024;

    private final Map<Downstream, WebClient> clients;
    private final ObjectNode gateway;
    private final ApiDocsProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    ApiDescriptions(ServiceClients clients, ApiDocsProperties properties, JsonMapper json, Clock clock) {
        this.clients = new EnumMap<>(Downstream.class);
        for (Downstream service : Downstream.values()) {
            this.clients.put(service, clients.client(service, MAX_DESCRIPTION_BYTES));
        }
        this.gateway = gatewayDescription(json);
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The description as the gateway exposes its routes now. */
    Mono<ObjectNode> combined() {
        Kept current = kept.get();
        if (current != null && clock.instant().isBefore(current.until())) {
            return Mono.just(current.description());
        }
        return Flux.fromArray(Downstream.values())
                .flatMap(service -> describe(service).map(document -> Map.entry(service, document)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(documents -> {
                    ObjectNode description = CombinedDescription.of(gateway, documents, Downstream::routesToClients);
                    if (documents.size() == Downstream.values().length) {
                        kept.set(new Kept(description, clock.instant().plus(properties.keepFor())));
                    }
                    return description;
                });
    }

    private Mono<JsonNode> describe(Downstream service) {
        return clients.get(service).get().uri("/v3/api-docs").retrieve().bodyToMono(String.class)
                .timeout(properties.timeout())
                .map(json::readTree)
                .onErrorResume(failure -> {
                    log.warn("{} did not describe its API: {}", service.serviceId(), failure.toString());
                    return Mono.empty();
                });
    }

    private static ObjectNode gatewayDescription(JsonMapper json) {
        try (InputStream in = new ClassPathResource("apidocs/gateway-openapi.json").getInputStream()) {
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway's own API description is missing from its jar", e);
        }
    }

    private record Kept(ObjectNode description, Instant until) {
    }
}
