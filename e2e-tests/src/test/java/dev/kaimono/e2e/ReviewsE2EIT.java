package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A shopper reviews what was delivered to them, through the gateway on the real jars: catalog learns the right to
 * review from order-service's events (no call between them), the product shows the rating to anyone, and an
 * administrator hides a review.
 */
@ExtendWith(PlatformExtension.class)
class ReviewsE2EIT {

    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final Map<String, Object> ADDRESS = Map.of("name", "Ann Lee", "line1", "1-2-3 Jingumae",
            "city", "Tokyo", "postalCode", "150-0001", "country", "JP");

    @Test
    void aShopperReviewsADeliveredProductAndAnyoneSeesTheRating(RunningPlatform platform) {
        Gateway gateway = new Gateway(platform.gatewayUrl());
        String adminToken = Actors.adminToken(gateway);
        Actors.Shopper ann = Actors.newShopper(gateway, "Ann");
        Actors.Shopper ben = Actors.newShopper(gateway, "Ben");
        String tea = Actors.stockedProduct(gateway, adminToken, "煎茶 Sencha " + UUID.randomUUID(), "1200", 10);
        Map<String, Object> review = Map.of("productId", tea, "rating", 4, "text", "爽やかな香り。また買います。");

        UUID order = Actors.placeOrder(gateway, ann, UUID.fromString(tea), 1, "pm_card_visa", ADDRESS);
        await().atMost(SETTLING).until(() -> "CONFIRMED".equals(status(gateway, ann, order)));
        Gateway.Response early = gateway.post("/api/reviews", review, ann.token());
        assertThat(early.status()).as(early.body().toString()).isEqualTo(403);
        assertThat(early.body().get("type").asString()).isEqualTo("tag:kaimono.dev,2026:problem:not-a-verified-buyer");

        deliver(gateway, adminToken, ann, order);
        Gateway.Response posted = await().atMost(SETTLING).until(() -> gateway.post("/api/reviews", review, ann.token()),
                answer -> answer.status() != 403);
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        String reviewId = posted.body().get("id").asString();
        assertThat(posted.header("Location")).hasValue("/api/reviews/" + reviewId);

        assertThat(gateway.post("/api/reviews", review, ann.token()).status()).as("once per product").isEqualTo(409);
        assertThat(gateway.post("/api/reviews", review, ben.token()).status()).as("Ben never bought it").isEqualTo(403);
        assertThat(gateway.post("/api/reviews", review, null).status()).as("no token").isEqualTo(401);
        assertThat(gateway.put("/api/reviews/" + reviewId, Map.of("rating", 1), ben.token()).status()).isEqualTo(403);
        Gateway.Response edited = gateway.put("/api/reviews/" + reviewId, Map.of("rating", 5, "text", "最高"), ann.token());
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);

        JsonNode reviews = gateway.get("/api/products/" + tea + "/reviews", null).body();
        assertThat(reviews.get("totalElements").asInt()).isEqualTo(1);
        assertThat(reviews.get("content").get(0).get("text").asString()).isEqualTo("最高");
        JsonNode product = gateway.get("/api/products/" + tea, null).body();
        assertThat(product.get("ratingCount").asInt()).isEqualTo(1);
        assertThat(product.get("ratingAverage").decimalValue()).isEqualByComparingTo("5");
        JsonNode byRating = gateway.get("/api/products?category=e2e&sort=rating,desc&size=1", null).body();
        assertThat(byRating.get("content").get(0).get("id").asString()).isEqualTo(tea);

        assertThat(gateway.post("/api/admin/catalog/reviews/" + reviewId + "/hide", Map.of(), ann.token()).status())
                .as("a shopper cannot hide").isEqualTo(403);
        assertThat(gateway.post("/api/admin/catalog/reviews/" + reviewId + "/hide", Map.of(), adminToken).status())
                .isEqualTo(204);
        assertThat(gateway.get("/api/reviews/" + reviewId, null).status()).isEqualTo(404);
        assertThat(gateway.get("/api/products/" + tea, null).body().get("ratingCount").asInt()).isZero();
    }

    private static void deliver(Gateway gateway, String adminToken, Actors.Shopper shopper, UUID order) {
        String shipmentId = await().atMost(SETTLING).until(
                () -> gateway.get("/api/shipments?orderId=" + order, shopper.token()).body(),
                shipments -> shipments.isArray() && !shipments.isEmpty()).get(0).get("id").asString();
        assertThat(gateway.post("/api/shipments/" + shipmentId + "/dispatch",
                Map.of("carrier", "Yamato", "trackingNumber", "E2E-R-" + order.toString().substring(0, 8)), adminToken).status())
                .isEqualTo(200);
        assertThat(gateway.post("/api/shipments/" + shipmentId + "/deliver", Map.of(), adminToken).status()).isEqualTo(200);
        await().atMost(SETTLING).until(() -> "DELIVERED".equals(status(gateway, shopper, order)));
    }

    private static String status(Gateway gateway, Actors.Shopper shopper, UUID order) {
        return gateway.get("/api/orders/" + order, shopper.token()).body().path("status").asString();
    }
}
