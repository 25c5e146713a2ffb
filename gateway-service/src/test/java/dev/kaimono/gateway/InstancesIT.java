package dev.kaimono.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.testsupport.WithInfrastructure;
import reactor.core.publisher.Flux;

/**
 * Services with several instances (kaimono.services.* as lists), one of which is down: the gateway balances over
 * them, and a request that cannot connect to its instance goes to the next one, a POST with its body included,
 * so a shopper never sees the instance that is down and its breaker stays closed.
 */
@DirtiesContext
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class InstancesIT extends GatewayITSupport {

    @DynamicPropertySource
    static void firstInstanceDown(DynamicPropertyRegistry registry) {
        for (String service : new String[] { "catalog", "order", "inventory" }) {
            registry.add("kaimono.services." + service,
                    () -> StubServices.closedUri() + "," + STUBS.runningUri(service));
        }
    }

    @Test
    void everyReadReachesTheInstanceThatIsUp() {
        String path = "/api/products/" + UUID.randomUUID();
        for (int request = 0; request < 10; request++) {
            client.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("catalog-service");
        }
        assertThat(STUBS.received(path)).hasSize(10);
    }

    @Test
    void concurrentReadsAllReachTheInstanceThatIsUp() {
        String path = "/api/products/" + UUID.randomUUID();
        WebClient web = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(request -> web.get().uri(path).header("X-Forwarded-For", newClientAddress())
                        .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value())), 20)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(STUBS.received(path)).hasSize(40);
    }

    @Test
    void everyOrderIsSentOnceWithItsBodyToTheInstanceThatIsUp() {
        String token = Tokens.shopper();
        String body = "{\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(UUID.randomUUID());
        String path = "/api/orders/" + UUID.randomUUID();
        for (int request = 0; request < 10; request++) {
            client.post().uri(path).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("order-service");
        }
        assertThat(STUBS.received(path)).hasSize(10)
                .allSatisfy(received -> assertThat(received.bodyLength()).isEqualTo(body.length()));
    }

    @Test
    void productDetailsAskTheInstancesThatAreUp() {
        for (int request = 0; request < 6; request++) {
            client.get().uri("/api/product-details/" + UUID.randomUUID()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.available").isEqualTo(StubServices.AVAILABLE);
        }
    }
}
