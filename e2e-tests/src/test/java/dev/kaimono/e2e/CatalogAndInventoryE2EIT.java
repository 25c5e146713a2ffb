package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/** Browsing: the administrator stocks the shelves, shoppers search and see availability, also when inventory is down. */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogAndInventoryE2EIT {

    private RunningPlatform platform;
    private Gateway gateway;
    private String adminToken;

    @BeforeAll
    void administrator(RunningPlatform platform) {
        this.platform = platform;
        this.gateway = new Gateway(platform.gatewayUrl());
        this.adminToken = Actors.adminToken(gateway);
    }

    @Test
    @Order(1)
    void seededCatalogIsSearchable() {
        Gateway.Response page = gateway.get("/api/products?q=matcha", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("content").valueStream().map(product -> product.get("sku").asString()))
                .contains("TEA-MATCHA-100");
    }

    @Test
    @Order(2)
    void anAddedProductIsFoundBySearchAndShowsItsStockInProductDetails() {
        String word = "kintsugi" + UUID.randomUUID().toString().substring(0, 6);
        String id = Actors.stockedProduct(gateway, adminToken, "金継ぎ Repair Kit " + word, "4800", 5);

        Gateway.Response found = gateway.get("/api/products?q=" + word, null);
        Gateway.Response japanese = gateway.get("/api/products?q=" + java.net.URLEncoder.encode("金継", java.nio.charset.StandardCharsets.UTF_8)
                + "&size=100", null);

        assertThat(found.body().get("content").valueStream().map(product -> product.get("id").asString())).containsExactly(id);
        assertThat(japanese.body().get("content").valueStream().map(product -> product.get("id").asString())).contains(id);
        JsonNode details = await().atMost(Duration.ofSeconds(20)).until(
                () -> gateway.get("/api/product-details/" + id, null).body(),
                body -> body.path("available").asInt(-1) == 5);
        assertThat(details.get("availability").asString()).isEqualTo("IN_STOCK");
        assertThat(details.get("price").asString()).isEqualTo("4800");
        assertThat(details.get("currency").asString()).isEqualTo("JPY");
    }

    /**
     * The gateway answers the public availability reads over inventory's gRPC API (ADR 0032) exactly as inventory's
     * REST API answers them, problems included; inventory's gRPC metrics show the calls went that way.
     */
    @Test
    @Order(3)
    void theGatewayAnswersAvailabilityOverGrpcAsInventorysRestApiDoes() throws Exception {
        String id = Actors.stockedProduct(gateway, adminToken, "Hojicha " + UUID.randomUUID(), "700", 4);
        Gateway inventory = new Gateway("http://127.0.0.1:" + platform.port("inventory-service"));
        String unknown = UUID.randomUUID().toString();
        double callsBefore = grpcCalls("GetAvailability");

        for (String path : List.of("/api/inventory/" + id, "/api/inventory?ids=" + id + "," + unknown + "," + id,
                "/api/inventory/" + unknown, "/api/inventory/not-a-uuid", "/api/inventory?ids=" + id + ",nope",
                "/api/inventory")) {
            for (String token : java.util.Arrays.asList(null, adminToken)) {
                Gateway.Response converted = gateway.get(path, token);
                Gateway.Response direct = inventory.get(path, token);
                String who = path + (token == null ? " (anonymous)" : " (admin)");
                assertThat(converted.status()).as(who).isEqualTo(direct.status());
                assertThat(converted.header("Content-Type")).as(who).isEqualTo(direct.header("Content-Type"));
                assertThat(withoutCorrelationId(converted.body())).as(who).isEqualTo(direct.body());
            }
        }
        assertThat(gateway.get("/api/inventory/" + id, adminToken).body().get("onHand").asInt()).isEqualTo(4);
        assertThat(gateway.get("/api/inventory/" + id, null).body().has("onHand")).isFalse();
        assertThat(grpcCalls("GetAvailability") - callsBefore).as("calls inventory served over gRPC").isGreaterThanOrEqualTo(4);
    }

    /** The gateway adds the correlation id to the problems it writes; inventory's own problems lack it. */
    private static JsonNode withoutCorrelationId(JsonNode body) {
        if (body instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("correlationId");
        }
        return body;
    }

    /** How many calls of the method inventory's gRPC server has answered, from its Prometheus metrics. */
    private double grpcCalls(String method) throws Exception {
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + platform.managementPort("inventory-service") + "/actuator/prometheus"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("grpc_server_seconds_count{"))
                .filter(line -> line.contains("rpc_method=\"" + method + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(3)
    void aDuplicateSkuIsAConflictAndAnInvalidPriceNamesTheField() {
        Map<String, Object> product = Map.of("sku", "TEA-MATCHA-100", "name", "Copy", "price", "100", "currency", "JPY",
                "categories", java.util.List.of("tea"));
        Gateway.Response duplicate = gateway.post("/api/products", product, adminToken);
        Gateway.Response invalid = gateway.post("/api/products", Map.of("sku", "E2E-BAD-PRICE", "name", "Bad",
                "price", "-1", "currency", "JPY", "categories", java.util.List.of("tea")), adminToken);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().toString()).contains("price");
    }

    @Test
    @Order(4)
    void productDetailsStillAnswerWithUnknownAvailabilityWhenInventoryIsDown() throws Exception {
        String id = Actors.stockedProduct(gateway, adminToken, "Yuzu Kosho " + UUID.randomUUID(), "900", 3);

        platform.stop("inventory-service");
        Gateway.Response details;
        try {
            details = gateway.get("/api/product-details/" + id, null);
        } finally {
            platform.startMissing();
        }

        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().get("id").asString()).isEqualTo(id);
        assertThat(details.body().get("availability").asString()).isEqualTo("UNKNOWN");
    }
}
