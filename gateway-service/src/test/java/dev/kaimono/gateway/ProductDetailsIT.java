package dev.kaimono.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProductDetailsIT extends GatewayITSupport {

    @Test
    void combinesTheProductWithItsAvailabilityForAnonymousShoppers() {
        String id = UUID.randomUUID().toString();

        client.get().uri("/api/product-details/" + id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.service").isEqualTo("catalog-service")
                .jsonPath("$.path").isEqualTo("/api/products/" + id)
                .jsonPath("$.availability").isEqualTo("IN_STOCK")
                .jsonPath("$.available").isEqualTo(StubServices.AVAILABLE);
    }

    @Test
    void answersAHeadRequestWithTheHeadersOnly() {
        client.head().uri("/api/product-details/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }

    @Test
    void stillAnswersWithTheProductWhenInventoryMissesItsDeadline() {
        client.get().uri("/api/product-details/" + StubServices.STALLED_STOCK_PRODUCT).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/api/products/" + StubServices.STALLED_STOCK_PRODUCT)
                .jsonPath("$.availability").isEqualTo("UNKNOWN")
                .jsonPath("$.available").isEmpty();
    }

    @Test
    void answersAnUnknownProductWithANotFoundProblem() {
        client.get().uri("/api/product-details/" + StubServices.MISSING_PRODUCT).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No product " + StubServices.MISSING_PRODUCT);
    }

    @Test
    void answersWithABadGatewayProblemRatherThanHoldAnOversizedProductInMemory() {
        client.get().uri("/api/product-details/" + StubServices.HUGE_PRODUCT).exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("catalog-service described the product in more bytes than the gateway reads");
    }

    @Test
    void doesNotOpenTheCatalogsCircuitWhenClientsAskForUnknownProducts() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/product-details/" + StubServices.MISSING_PRODUCT).exchange()
                    .expectStatus().isNotFound();
        }

        client.get().uri("/api/product-details/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("catalog-service");
    }

    @Test
    void answersAMalformedIdWithABadRequestProblem() {
        client.get().uri("/api/product-details/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("id")
                .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
    }
}
