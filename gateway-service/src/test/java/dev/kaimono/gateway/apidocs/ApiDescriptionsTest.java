package dev.kaimono.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.gateway.routing.Downstream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The combined description is asked of the services once a round: concurrent requests share a round, a complete
 * description is kept for a minute, one missing a failing service for a few seconds (not asked on every request).
 */
class ApiDescriptionsTest {

    private static final ApiDocsProperties SETTINGS = new ApiDocsProperties(Duration.ofSeconds(3), Duration.ofSeconds(60),
            Duration.ofSeconds(5));

    private final Map<Downstream, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<Downstream, Boolean> answering = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock();
    private final ApiDescriptions descriptions = new ApiDescriptions(clients(), SETTINGS, JsonMapper.builder().build(), clock);

    @Test
    void aServiceThatFailsIsAskedOnceARoundNotOnEveryRequest() {
        answering.put(Downstream.SHIPPING, false);

        List<ObjectNode> answers = Flux.fromStream(IntStream.range(0, 20).boxed())
                .flatMap(request -> descriptions.combined(), 20).collectList().block();
        clock.advance(Duration.ofSeconds(4));
        descriptions.combined().block();

        assertThat(answers).hasSize(20).allSatisfy(description ->
                assertThat(description.path(CombinedDescription.MISSING).toString()).isEqualTo("[\"shipping-service\"]"));
        assertThat(asked.get(Downstream.SHIPPING)).hasValue(1);
        assertThat(asked.get(Downstream.CATALOG)).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        answering.put(Downstream.SHIPPING, true);
        ObjectNode complete = descriptions.combined().block();
        assertThat(complete.has(CombinedDescription.MISSING)).as("asked again after 5 s").isFalse();
        assertThat(asked.get(Downstream.SHIPPING)).hasValue(2);

        clock.advance(Duration.ofSeconds(59));
        descriptions.combined().block();
        assertThat(asked.get(Downstream.SHIPPING)).as("a complete one is kept for a minute").hasValue(2);
        clock.advance(Duration.ofSeconds(2));
        descriptions.combined().block();
        assertThat(asked.get(Downstream.SHIPPING)).hasValue(3);
    }

    private Map<Downstream, WebClient> clients() {
        Map<Downstream, WebClient> clients = new EnumMap<>(Downstream.class);
        for (Downstream service : Downstream.values()) {
            asked.put(service, new AtomicInteger());
            clients.put(service, WebClient.builder().exchangeFunction(request -> {
                asked.get(service).incrementAndGet();
                if (!answering.getOrDefault(service, true)) {
                    return Mono.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).build());
                }
                return Mono.just(ClientResponse.create(HttpStatus.OK)
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .body("{\"openapi\":\"3.1.0\",\"paths\":{}}").build());
            }).build());
        }
        return clients;
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-06T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
