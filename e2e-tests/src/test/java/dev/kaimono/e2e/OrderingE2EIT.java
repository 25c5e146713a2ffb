package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Shoppers order through the gateway and every order ends confirmed and paid, or cancelled with nothing
 * charged and nothing held — also when order-service is killed mid-saga; orders taken while payment-service is
 * killed are confirmed and charged once when it is back. The books are checked at the end.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderingE2EIT {

    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED", "SHIPPED", "DELIVERED");
    private static final Map<String, Object> ADDRESS = Map.of("name", "Ann Lee", "line1", "1-2-3 Jingumae",
            "city", "Tokyo", "postalCode", "150-0001", "country", "JP");

    private RunningPlatform platform;
    private Gateway gateway;
    private String adminToken;
    private Actors.Shopper ann;
    private String tea;
    private String rareBowl;
    private final Map<String, Integer> initialStock = new LinkedHashMap<>();
    private final List<String> placedOrders = new ArrayList<>();

    @BeforeAll
    void shopAndShopper(RunningPlatform platform) {
        this.platform = platform;
        this.gateway = new Gateway(platform.gatewayUrl());
        this.adminToken = Actors.adminToken(gateway);
        this.ann = Actors.newShopper(gateway, "Ann");
        this.tea = Actors.stockedProduct(gateway, adminToken, "玉露 Gyokuro " + UUID.randomUUID(), "2500", 50);
        this.rareBowl = Actors.stockedProduct(gateway, adminToken, "Raku Bowl " + UUID.randomUUID(), "48000", 1);
        initialStock.put(tea, 50);
        initialStock.put(rareBowl, 1);
    }

    @Test
    @Order(1)
    void happyPathReachesDeliveredAndCancellingAfterDispatchIsRefused() {
        assertThat(gateway.put("/api/cart/items/" + tea, Map.of("quantity", 2), ann.token()).status()).isEqualTo(200);

        Gateway.Response placed = gateway.post("/api/orders",
                Map.of("fromCart", true, "shippingAddress", ADDRESS, "paymentMethod", "pm_card_visa"), ann.token());
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String orderId = placed.body().get("id").asString();
        placedOrders.add(orderId);
        assertThat(placed.header("Location")).hasValue("/api/orders/" + orderId);

        JsonNode confirmed = awaitStatus(orderId, "CONFIRMED");
        assertThat(confirmed.get("total").asString()).isEqualTo("5000");
        assertThat(confirmed.get("lines").get(0).get("unitPrice").asString()).isEqualTo("2500");
        assertThat(gateway.get("/api/cart", ann.token()).body().get("lines")).isEmpty();

        String shipmentId = awaitShipment(orderId).get("id").asString();
        assertThat(gateway.post("/api/shipments/" + shipmentId + "/dispatch",
                Map.of("carrier", "Yamato", "trackingNumber", "E2E-" + orderId.substring(0, 8)), adminToken).status()).isEqualTo(200);
        awaitStatus(orderId, "SHIPPED");
        assertThat(gateway.post("/api/orders/" + orderId + "/cancel", Map.of(), ann.token()).status()).isEqualTo(409);
        assertThat(gateway.post("/api/shipments/" + shipmentId + "/deliver", Map.of(), adminToken).status()).isEqualTo(200);
        awaitStatus(orderId, "DELIVERED");

        List<String> history = gateway.get("/api/orders/" + orderId + "/history", ann.token()).body().valueStream()
                .map(event -> event.get("type").asString()).toList();
        assertThat(history).containsExactly("order.placed", "order.confirmed", "order.shipped", "order.delivered");
    }

    @Test
    @Order(2)
    void aDeclinedCardCancelsTheOrderReleasesTheStockAndCapturesNothing() {
        String orderId = place(ann, tea, 1, "pm_card_chargeDeclined");

        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");

        assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(payment(orderId).path("status").asString()).isNotEqualTo("COMPLETED").isNotEqualTo("CAPTURED");
        await().atMost(SETTLING).until(() -> stock(tea).get("reserved").asInt() == 0);
    }

    @Test
    @Order(3)
    void anOrderBeyondTheStockIsCancelledWithNothingCharged() {
        String orderId = place(ann, rareBowl, 2, "pm_card_visa");

        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");

        assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(payment(orderId).isMissingNode()).isTrue();
        assertThat(stock(rareBowl).get("available").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void cancellingAConfirmedOrderRefundsRestocksAndCancelsTheShipment() {
        String orderId = place(ann, tea, 3, "pm_card_visa");
        awaitStatus(orderId, "CONFIRMED");
        JsonNode shipment = awaitShipment(orderId);

        Gateway.Response cancel = gateway.post("/api/orders/" + orderId + "/cancel", Map.of(), ann.token());

        assertThat(cancel.status()).as(cancel.body().toString()).isBetween(200, 202);
        assertThat(awaitStatus(orderId, "CANCELLED").get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        await().atMost(SETTLING).until(() -> "REFUNDED".equals(payment(orderId).path("status").asString()));
        await().atMost(SETTLING).until(() -> "CANCELLED".equals(
                gateway.get("/api/shipments/" + shipment.get("id").asString(), adminToken).body().path("status").asString()));
    }

    @Test
    @Order(5)
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameOrder() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("lines", List.of(Map.of("productId", tea, "quantity", 1)),
                "shippingAddress", ADDRESS, "paymentMethod", "pm_card_visa");

        Gateway.Response first = gateway.post("/api/orders", body, ann.token(), Map.of("Idempotency-Key", key));
        Gateway.Response retry = gateway.post("/api/orders", body, ann.token(), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        placedOrders.add(first.body().get("id").asString());
        awaitStatus(first.body().get("id").asString(), "CONFIRMED");
    }

    @Test
    @Order(6)
    void anotherShoppersOrderIsNotFound() {
        String orderId = place(ann, tea, 1, "pm_card_visa");
        Actors.Shopper bob = Actors.newShopper(gateway, "Bob");

        assertThat(gateway.get("/api/orders/" + orderId, bob.token()).status()).isEqualTo(404);
        assertThat(gateway.post("/api/orders/" + orderId + "/cancel", Map.of(), bob.token()).status()).isEqualTo(404);
        awaitStatus(orderId, "CONFIRMED");
    }

    @Test
    @Order(7)
    void everySagaEndsWhenOrderServiceIsKilledMidFlightAndRestarted() throws Exception {
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inFlight.add(place(ann, tea, 1, i % 3 == 2 ? "pm_card_chargeDeclined" : "pm_card_visa"));
        }

        platform.kill("order-service");
        platform.startMissing();

        for (String orderId : inFlight) {
            assertThat(awaitSettled(orderId).get("status").asString()).isIn("CONFIRMED", "CANCELLED");
        }
    }

    @Test
    @Order(8)
    void ordersTakenWhilePaymentServiceIsKilledAreConfirmedAndChargedOnceWhenItIsBack() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(place(ann, tea, 1, "pm_card_visa"));
        }

        platform.kill("payment-service");
        for (int i = 0; i < 3; i++) {
            orders.add(place(ann, tea, 1, "pm_card_visa"));
        }
        platform.startMissing();

        for (String orderId : orders) {
            JsonNode order = awaitSettled(orderId);
            assertThat(order.get("status").asString()).as("order %s after a payment-service restart", orderId)
                    .isIn("CONFIRMED", "SHIPPED", "DELIVERED");
            JsonNode payments = gateway.get("/api/payments?orderId=" + orderId, adminToken).body();
            assertThat(payments.size()).as("payments of %s", orderId).isEqualTo(1);
            assertThat(payments.get(0).get("status").asString()).isEqualTo("COMPLETED");
            assertThat(new BigDecimal(payments.get(0).get("amount").asString()))
                    .isEqualByComparingTo(new BigDecimal(order.get("total").asString()));
        }
    }

    @AfterAll
    void theBooksBalance() {
        BigDecimal confirmedTotals = BigDecimal.ZERO;
        BigDecimal captured = BigDecimal.ZERO;
        Map<String, Integer> sold = new LinkedHashMap<>();
        for (String orderId : placedOrders) {
            JsonNode order = awaitSettled(orderId);
            boolean kept = Set.of("CONFIRMED", "SHIPPED", "DELIVERED").contains(order.get("status").asString());
            if (kept) {
                confirmedTotals = confirmedTotals.add(new BigDecimal(order.get("total").asString()));
                order.get("lines").valueStream().forEach(line ->
                        sold.merge(line.get("productId").asString(), line.get("quantity").asInt(), Integer::sum));
            }
            JsonNode payment = payment(orderId);
            if ("COMPLETED".equals(payment.path("status").asString())) {
                captured = captured.add(new BigDecimal(payment.get("amount").asString()));
            }
        }
        assertThat(captured).as("captured - refunded = totals of kept orders").isEqualByComparingTo(confirmedTotals);
        initialStock.forEach((product, initial) -> await().atMost(SETTLING).untilAsserted(() -> {
            JsonNode stock = stock(product);
            assertThat(stock.get("reserved").asInt()).as("nothing held for %s", product).isZero();
            assertThat(stock.get("onHand").asInt() + sold.getOrDefault(product, 0)).as("on hand + sold for %s", product)
                    .isEqualTo(initial);
        }));
    }

    private String place(Actors.Shopper shopper, String productId, int quantity, String paymentMethod) {
        Gateway.Response placed = gateway.post("/api/orders", Map.of("lines", List.of(Map.of("productId", productId,
                "quantity", quantity)), "shippingAddress", ADDRESS, "paymentMethod", paymentMethod), shopper.token());
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String orderId = placed.body().get("id").asString();
        placedOrders.add(orderId);
        return orderId;
    }

    private JsonNode awaitStatus(String orderId, String status) {
        return await().atMost(SETTLING).until(() -> gateway.get("/api/orders/" + orderId, adminToken).body(),
                order -> status.equals(order.path("status").asString()));
    }

    private JsonNode awaitSettled(String orderId) {
        return await().atMost(SETTLING).until(() -> gateway.get("/api/orders/" + orderId, adminToken).body(),
                order -> FINAL.contains(order.path("status").asString()));
    }

    private JsonNode awaitShipment(String orderId) {
        return await().atMost(SETTLING).until(() -> firstOf(gateway.get("/api/shipments?orderId=" + orderId, adminToken)),
                shipment -> !shipment.isMissingNode());
    }

    /** The order's payment, or a missing node when none was made. */
    private JsonNode payment(String orderId) {
        return firstOf(gateway.get("/api/payments?orderId=" + orderId, adminToken));
    }

    private JsonNode stock(String productId) {
        return gateway.get("/api/inventory/" + productId, adminToken).body();
    }

    private static JsonNode firstOf(Gateway.Response response) {
        if (response.status() != 200) {
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode body = response.body();
        JsonNode list = body.isArray() ? body : body.path("content");
        return list.isArray() && !list.isEmpty() ? list.get(0) : body.isObject() && body.has("id") ? body : tools.jackson.databind.node.MissingNode.getInstance();
    }
}
