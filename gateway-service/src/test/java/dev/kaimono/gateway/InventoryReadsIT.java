package dev.kaimono.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.grpc.Metadata;

import dev.kaimono.api.inventory.v1.StockLookupMetadata;

/**
 * {@code GET /api/inventory/{productId}} and {@code ?ids=} converted to inventory's gRPC API (ADR 0032), against
 * a gRPC stand-in behind an instance that is down: the same JSON and problems as the REST API, the caller's token
 * and correlation id passed on, a deadline on every call, and the gateway's own refusals before any call. (What
 * counts towards opening inventory's circuit is {@link InventoryReadsFailuresIT}'s, in a context of its own.)
 */
class InventoryReadsIT extends GatewayITSupport {

    private static final Metadata.Key<String> TIMEOUT = Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER);

    private final StubStockLookup inventory = STUBS.stockLookup();

    @Test
    void answersAnyoneWithWhatCanBeOrderedAndPassesTheCorrelationIdAndADeadline() {
        String product = UUID.randomUUID().toString();

        String correlationId = client.get().uri("/api/inventory/" + product).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"productId\":\"" + product + "\",\"available\":" + StubServices.AVAILABLE + "}", true)
                .returnResult().getResponseHeaders().getFirst("X-Correlation-Id");

        Metadata call = inventory.received().getLast();
        assertThat(call.get(StockLookupMetadata.CORRELATION_ID)).isEqualTo(correlationId).isNotBlank();
        assertThat(call.get(StockLookupMetadata.AUTHORIZATION)).isNull();
        assertThat(call.get(TIMEOUT)).as("the route's deadline travels with the call").isNotBlank();
    }

    @Test
    void passesTheTokenOnSoThatInventoryShowsAnAdministratorStockOnHandAndReserved() {
        String product = UUID.randomUUID().toString();
        String token = Tokens.admin();

        client.get().uri("/api/inventory/" + product).headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"productId\":\"" + product + "\",\"onHand\":" + StubStockLookup.ON_HAND
                        + ",\"reserved\":" + StubStockLookup.RESERVED + ",\"available\":" + StubServices.AVAILABLE + "}", true);

        assertThat(inventory.received().getLast().get(StockLookupMetadata.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void answersABatchInTheOrderAskedLeavingOutWhatInventoryDoesNotKeepUnderEitherParameterName() {
        String tea = UUID.randomUUID().toString();
        String cups = UUID.randomUUID().toString();
        String batch = "[{\"productId\":\"" + cups + "\",\"available\":7},{\"productId\":\"" + tea + "\",\"available\":7}]";

        client.get().uri("/api/inventory?ids={ids}", cups + "," + StubServices.MISSING_PRODUCT + "," + tea).exchange()
                .expectStatus().isOk()
                .expectBody().json(batch, true);
        client.get().uri("/api/inventory?productIds={ids}", cups + "," + tea).exchange()
                .expectStatus().isOk()
                .expectBody().json(batch, true);
    }

    @Test
    void refusesWhatTheRestApiRefusesNamingTheParameterWithoutAskingInventory() {
        int calls = inventory.received().size();
        String tooMany = IntStream.rangeClosed(0, 100).mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));

        assertInvalid(client.get().uri("/api/inventory/42").exchange(), "productId", "must be a UUID");
        assertInvalid(client.get().uri("/api/inventory").exchange(), "ids", "is required");
        assertInvalid(client.get().uri("/api/inventory?ids={ids}", UUID.randomUUID() + ",not-a-uuid").exchange(),
                "ids", "must be UUIDs separated by commas");
        assertInvalid(client.get().uri("/api/inventory?ids={ids}", tooMany).exchange(), "ids",
                "size must be between 1 and 100");

        assertThat(inventory.received()).hasSize(calls);
    }

    @Test
    void turnsInventorysRefusalsIntoTheProblemsItsRestApiAnswers() {
        client.get().uri("/api/inventory/" + StubServices.MISSING_PRODUCT).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:product-not-found")
                .jsonPath("$.title").isEqualTo("Product not found")
                .jsonPath("$.detail").isEqualTo("Inventory keeps no stock for product " + StubServices.MISSING_PRODUCT)
                .jsonPath("$.instance").isEqualTo("/api/inventory/" + StubServices.MISSING_PRODUCT)
                .jsonPath("$.correlationId").isNotEmpty();
        assertInvalid(client.get().uri("/api/inventory/" + StubStockLookup.REFUSED_PRODUCT).exchange(), "productId",
                "is not sold here");
        client.get().uri("/api/inventory/" + StubStockLookup.UNAUTHENTICATED_PRODUCT).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.type").isEqualTo("about:blank");
    }

    @Test
    void doesNotOpenInventorysCircuitWhenClientsAskForWhatItDoesNotKeep() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/inventory/" + StubServices.MISSING_PRODUCT).exchange().expectStatus().isNotFound();
        }

        client.get().uri("/api/inventory/" + UUID.randomUUID()).exchange().expectStatus().isOk();
    }

    @Test
    void leavesTheAdministratorsWritesToInventorysRestApi() {
        client.put().uri("/api/inventory/" + UUID.randomUUID())
                .headers(headers -> headers.setBearerAuth(Tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"onHand\":3}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("inventory-service")
                .jsonPath("$.method").isEqualTo("PUT");
    }

    private static void assertInvalid(WebTestClient.ResponseSpec answer, String field, String message) {
        answer.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:invalid-request")
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors").value(errors -> assertThat((List<?>) errors).hasSize(1))
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }
}
