package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.events.ProductOutOfStock;
import dev.kaimono.events.StockReplenished;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestJwks;

/** {@code /api/inventory} over HTTP: who may read and change stock, what they get, and the errors. */
class InventoryApiIT extends InventoryIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    private final String admin = "Bearer " + TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER", "ADMIN");
    private final String shopper = "Bearer " + TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER");

    private RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anyoneReadsWhatCanBeOrderedAndOnlyAnAdministratorSeesStockOnHandAndReserved() {
        ProductId product = stocked(7);
        reservationService.reserve(anOrder(), oneOf(product, 2));

        assertThat(read("/api/inventory/" + product, null)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "productId", product.toString(), "available", 5));
        assertThat(read("/api/inventory/" + product, shopper)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "productId", product.toString(), "available", 5));
        assertThat(read("/api/inventory/" + product, admin)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "productId", product.toString(), "onHand", 7, "reserved", 2, "available", 5));
        assertThat(http.get().uri("/api/inventory?ids={id}", product).exchange().expectBody(JSON_LIST).returnResult()
                .getResponseBody()).containsExactly(Map.of("productId", product.toString(), "available", 5));
    }

    @Test
    void aProductInventoryKeepsNoStockForIsNotFound() {
        UUID unknown = UUID.randomUUID();

        http.get().uri("/api/inventory/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                // The same kind of problem, with the same type and title, as catalog's unknown product.
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:product-not-found")
                .jsonPath("$.title").isEqualTo("Product not found")
                .jsonPath("$.detail").isEqualTo("Inventory keeps no stock for product " + unknown)
                .jsonPath("$.instance").isEqualTo("/api/inventory/" + unknown);
    }

    @Test
    void aBatchReadAnswersTheKnownProductsInTheOrderAsked() {
        ProductId tea = stocked(3);
        ProductId cups = stocked(8);
        UUID unknown = UUID.randomUUID();

        List<Map<String, Object>> body = http.get()
                .uri("/api/inventory?ids={ids}", cups + "," + unknown + "," + tea + "," + cups).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody();

        assertThat(body).extracting(item -> item.get("productId"), item -> item.get("available"))
                .containsExactly(tuple(cups.toString(), 8),
                        tuple(tea.toString(), 3));
    }

    @Test
    void aBatchReadStillUnderstandsTheFormerParameterName() {
        ProductId tea = stocked(4);

        List<Map<String, Object>> body = http.get().uri("/api/inventory?productIds={ids}", tea).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody();

        assertThat(body).extracting(item -> item.get("productId")).containsExactly(tea.toString());
    }

    @Test
    void aBatchReadWithoutIdsIsRefusedNamingIds() {
        http.get().uri("/api/inventory").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ids");
    }

    @Test
    void aBatchOfMoreThanAHundredProductsIsRefusedNamingIds() {
        String ids = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));

        http.get().uri("/api/inventory?ids={ids}", ids).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ids")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 1 and 100");
    }

    @Test
    void aBatchWithAMalformedIdIsRefusedNamingIds() {
        http.get().uri("/api/inventory?ids={ids}", UUID.randomUUID() + ",not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ids")
                .jsonPath("$.errors[0].message").isEqualTo("must be UUIDs separated by commas");
    }

    @Test
    void anAdministratorStocksAProductInventoryHadNotHeardOfAndStockReplenishedIsPublished() {
        UUID product = UUID.randomUUID();
        try (BrokerProbe probe = broker.probe(StockReplenished.TYPE)) {

            Map<String, Object> body = putStock(product, Map.of("onHand", 12), admin).exchange()
                    .expectStatus().isOk()
                    .expectBody(JSON).returnResult().getResponseBody();

            assertThat(body).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "productId", product.toString(), "onHand", 12, "reserved", 0, "available", 12));
            BrokerProbe.Received<StockReplenished> published = probe.next(StockReplenished.TYPE, event -> event.productId().equals(product));
            assertThat(published.payload()).isEqualTo(new StockReplenished(product, 12, 12));
            assertThat(published.envelope().aggregateId()).isEqualTo(product.toString());
            assertThat(published.envelope().source()).isEqualTo("inventory-service");
        }
    }

    @Test
    void aShopperMayNotChangeStock() {
        ProductId product = stocked(4);

        putStock(product.value(), Map.of("onHand", 100), shopper).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/inventory/{id}/replenish", product.value()).header("Authorization", shopper)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 100)).exchange()
                .expectStatus().isForbidden();

        assertThat(availabilityOf(product).onHand()).isEqualTo(4);
    }

    @Test
    void anAnonymousCallerMayNotChangeStock() {
        UUID product = UUID.randomUUID();

        putStock(product, Map.of("onHand", 100), null).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.get().uri("/api/inventory/{id}", product).exchange().expectStatus().isNotFound();
    }

    @Test
    void stockOnHandCannotBeSetBelowWhatIsReserved() {
        ProductId product = stocked(5);
        reservationService.reserve(anOrder(), oneOf(product, 3));

        putStock(product.value(), Map.of("onHand", 2), admin).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Stock is reserved for orders")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("3 units reserved"));

        assertThat(availabilityOf(product).onHand()).isEqualTo(5);
    }

    @Test
    void aNegativeOrMissingCountIsRefusedNamingOnHand() {
        UUID product = UUID.randomUUID();

        putStock(product, Map.of("onHand", -1), admin).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("onHand")
                .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 0");
        putStock(product, Map.of(), admin).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("onHand");

        http.get().uri("/api/inventory/{id}", product).exchange().expectStatus().isNotFound();
    }

    @Test
    void replenishingAddsToTheStockOnHand() {
        try (BrokerProbe probe = broker.probe(StockReplenished.TYPE)) {
            ProductId product = stocked(5);

            http.post().uri("/api/inventory/{id}/replenish", product.value()).header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 3)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.onHand").isEqualTo(8).jsonPath("$.available").isEqualTo(8);

            assertThat(List.of(
                    probe.next(StockReplenished.TYPE, event -> event.productId().equals(product.value())).payload(),
                    probe.next(StockReplenished.TYPE, event -> event.productId().equals(product.value())).payload()))
                    .containsExactly(new StockReplenished(product.value(), 5, 5), new StockReplenished(product.value(), 8, 8));
        }
    }

    @Test
    void replenishingNothingIsRefusedNamingQuantity() {
        ProductId product = stocked(5);

        http.post().uri("/api/inventory/{id}/replenish", product.value()).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 0)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");

        assertThat(availabilityOf(product).onHand()).isEqualTo(5);
    }

    @Test
    void replenishingAProductInventoryKeepsNoStockForIsNotFound() {
        http.post().uri("/api/inventory/{id}/replenish", UUID.randomUUID()).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 3)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void settingStockToWhatIsReservedAnnouncesTheProductIsOutOfStock() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        reservationService.reserve(order, oneOf(product, 2));
        try (BrokerProbe probe = broker.probe(ProductOutOfStock.TYPE)) {

            putStock(product.value(), Map.of("onHand", 2), admin).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.available").isEqualTo(0);

            assertThat(probe.next(ProductOutOfStock.TYPE, event -> event.productId().equals(product.value())).payload())
                    .isEqualTo(new ProductOutOfStock(product.value()));
        }
    }

    @Test
    void deadLettersAreForAdministrators() {
        http.get().uri("/api/admin/inventory/dead-letters").header("Authorization", admin).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$['inventory-service.commands']").isArray()
                .jsonPath("$['inventory-service.events']").isArray();
        http.get().uri("/api/admin/inventory/dead-letters").header("Authorization", shopper).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aStreamedBodyThatGrowsOverTheLimitIsRefusedWith413AndChangesNothing() throws Exception {
        UUID product = UUID.randomUUID();
        // A valid JSON document padded with whitespace to 300 KB, sent chunked (no Content-Length).
        byte[] body = ("{\"onHand\": 5" + " ".repeat(300 * 1024) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/inventory/" + product))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        java.net.http.HttpResponse<String> response;
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Request body too large");
        http.get().uri("/api/inventory/{id}", product).exchange().expectStatus().isNotFound();
    }

    private Map<String, Object> read(String uri, String authorization) {
        RestTestClient.RequestHeadersSpec<?> request = http.get().uri(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private RestTestClient.RequestHeadersSpec<?> putStock(UUID product, Map<String, Object> body, String authorization) {
        RestTestClient.RequestBodySpec request = http.put().uri("/api/inventory/{id}", product);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
