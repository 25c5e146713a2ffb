package dev.kaimono.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every gRPC instance of inventory is down: the availability reads are 503 with {@code Retry-After}, then, once the
 * breaker has opened, 503 at once with its pause; product details still answer, with availability UNKNOWN.
 */
class InventoryReadsDownIT extends GatewayITSupport {

    @DynamicPropertySource
    static void inventoryDown(DynamicPropertyRegistry registry) {
        registry.add("kaimono.gateway.grpc.inventory", () -> StubServices.closedUri().getAuthority());
    }

    @Test
    void answersServiceUnavailableWithRetryAfterAndStillDescribesProducts() {
        client.get().uri("/api/product-details/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.availability").isEqualTo("UNKNOWN");
        client.get().uri("/api/inventory/" + UUID.randomUUID()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The downstream service is unavailable.");
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/inventory/" + UUID.randomUUID()).exchange().expectStatus().isEqualTo(503);
        }

        client.get().uri("/api/inventory/" + UUID.randomUUID()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectBody().jsonPath("$.detail")
                .isEqualTo("The downstream service is failing; requests to it are paused briefly.");
    }
}
