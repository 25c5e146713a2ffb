package dev.kaimono.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Inventory's gRPC API failing, as the gateway converts to it (ADR 0032): its database away is the REST API's 503
 * {@code database-unavailable} with its {@code Retry-After}, a failure inside it 502, a missed deadline 504. Each
 * counts towards opening inventory's circuit, so this runs in a context of its own, thrown away afterwards, and
 * stays below the breaker's minimum number of calls.
 */
@DirtiesContext
@TestPropertySource(properties = "kaimono.test.context=inventory-reads-failures")
class InventoryReadsFailuresIT extends GatewayITSupport {

    @Test
    void answersTheServicesOutageItsFailureAndAMissedDeadlineEachAsTheRestApiWould() {
        client.get().uri("/api/inventory/" + StubStockLookup.DATABASE_DOWN_PRODUCT).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:database-unavailable")
                .jsonPath("$.title").isEqualTo("Database unavailable")
                .jsonPath("$.detail").isEqualTo("The service cannot reach its database right now");
        client.get().uri("/api/inventory/" + StubStockLookup.FAILING_PRODUCT).exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The downstream service sent an incomplete or invalid response.");
        client.get().uri("/api/inventory/" + StubServices.STALLED_STOCK_PRODUCT).exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.detail").isEqualTo("The downstream service did not answer in time.");
    }
}
