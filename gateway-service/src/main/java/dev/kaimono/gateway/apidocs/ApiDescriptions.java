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
 * each with a deadline) and kept for {@link ApiDocsProperties#keepFor()}; a description missing a service is kept
 * only for {@link ApiDocsProperties#keepIncompleteFor()}, so a service that comes back is soon described again. The
 * path is public: requests that arrive while the services are being asked share that one round of questions, so
 * no number of them asks a failing service more than once a round.
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
        this(clientsOf(clients), properties, json, clock);
    }

    ApiDescriptions(Map<Downstream, WebClient> clients, ApiDocsProperties properties, JsonMapper json, Clock clock) {
        this.clients = new EnumMap<>(clients);
        this.gateway = gatewayDescription(json);
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The description as the gateway exposes its routes now. */
    Mono<ObjectNode> combined() {
        Instant now = clock.instant();
        Kept current = kept.get();
        if (current != null && now.isBefore(current.until())) {
            return current.description();
        }
        // Shared by every request until the round ends (a round takes at most the timeout).
        Mono<ObjectNode> asking = askEveryService().cache();
        Kept round = new Kept(asking, now.plus(properties.timeout()).plusSeconds(1));
        if (!kept.compareAndSet(current, round)) {
            return kept.get().description();
        }
        return asking.doOnNext(description -> kept.compareAndSet(round, new Kept(Mono.just(description),
                clock.instant().plus(description.has(CombinedDescription.MISSING)
                        ? properties.keepIncompleteFor() : properties.keepFor()))));
    }

    private Mono<ObjectNode> askEveryService() {
        return Flux.fromIterable(clients.keySet())
                .flatMap(service -> describe(service).map(document -> Map.entry(service, document)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(documents -> CombinedDescription.of(gateway, documents, Downstream::routesToClients));
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

    private static Map<Downstream, WebClient> clientsOf(ServiceClients clients) {
        Map<Downstream, WebClient> byService = new EnumMap<>(Downstream.class);
        for (Downstream service : Downstream.values()) {
            byService.put(service, clients.client(service, MAX_DESCRIPTION_BYTES));
        }
        return byService;
    }

    /** A description (or the round asking for it), and until when it is answered without asking again. */
    private record Kept(Mono<ObjectNode> description, Instant until) {
    }
}
