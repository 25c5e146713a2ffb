package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static dev.kaimono.order.OrderBodies.line;
import static dev.kaimono.order.OrderBodies.orderOf;
import static dev.kaimono.order.OrderBodies.with;
import static dev.kaimono.order.OrderBodies.withAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.order.application.placing.IdempotencyKeys;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.StockReserved;

/** The shopper's API: placing with validation and idempotency, reading, history, time travel, the cart, access. */
class OrderApiIT extends OrderServiceIntegrationTest {

    @Autowired
    IdempotencyKeys idempotencyKeys;

    @AfterEach
    void catalogUp() {
        CATALOG.failing(false);
    }

    @Test
    void pricesComeFromTheCatalogWhateverTheClientSends() {
        Shopper ann = aShopper();
        Map<String, Object> cheeky = new LinkedHashMap<>(anOrder());
        List<Map<String, Object>> lines = OrderBodies.lines(cheeky).stream().map(line -> {
            Map<String, Object> priced = new LinkedHashMap<>(line);
            priced.put("unitPrice", "1");
            return (Map<String, Object>) priced;
        }).toList();
        cheeky.put("lines", lines);
        cheeky.put("total", "2");
        cheeky.put("status", "CONFIRMED");

        UUID orderId = ann.placesOrder(cheeky);

        Map<String, Object> order = ann.order(orderId);
        assertThat(order).containsEntry("status", "PENDING").containsEntry("total", "9200").containsEntry("currency", "JPY")
                .containsEntry("paymentMethod", "pm_card_visa").containsEntry("cancellationReason", null);
        assertThat(order.get("lines")).isEqualTo(List.of(
                Map.of("productId", StubCatalog.MATCHA.toString(), "productName", "Uji Matcha 100g", "unitPrice", "3200", "quantity", 2),
                Map.of("productId", StubCatalog.WHISK.toString(), "productName", "Bamboo Whisk", "unitPrice", "2800", "quantity", 1)));
        assertThat(order.get("shippingAddress")).isEqualTo(OrderBodies.anAddress());
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheSameOrderAndPlaceNothingNew() {
        Shopper ann = aShopper();
        String key = "checkout-" + UUID.randomUUID();

        String first = (String) ann.placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id");
        RestTestClient.ResponseSpec retry = ann.placeOrder(anOrder(), key);

        String second = (String) retry.expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectHeader().valueEquals("Location", "/api/orders/" + first)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id");
        assertThat(second).isEqualTo(first);
        assertThat(ordersOf(ann)).isEqualTo(1);
        probe().await(UUID.fromString(first), ReserveStock.TYPE);
        assertThat(probe().all(UUID.fromString(first), ReserveStock.TYPE)).hasSize(1);
    }

    @Test
    void anExpiredIdempotencyKeyIsForgottenAndPlacesANewOrder() {
        Shopper ann = aShopper();
        String key = "checkout-" + UUID.randomUUID();
        String first = (String) ann.placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id");
        jdbc.sql("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = :key").param("key", key).update();

        assertThat(idempotencyKeys.forgetStoredBefore(Instant.now().minus(Duration.ofHours(24)))).isGreaterThanOrEqualTo(1);

        String second = (String) ann.placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id");
        assertThat(second).isNotEqualTo(first);
        assertThat(ordersOf(ann)).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedWith422() {
        Shopper ann = aShopper();
        String key = "checkout-" + UUID.randomUUID();
        ann.placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        ann.placeOrder(orderOf(line(StubCatalog.KYUSU, 1)), key)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Idempotency-Key reused");
        assertThat(ordersOf(ann)).isEqualTo(1);
    }

    @Test
    void anotherShopperMayUseTheSameIdempotencyKey() {
        String key = "checkout-" + UUID.randomUUID();
        UUID annsOrder = UUID.fromString((String) aShopper().placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id"));

        UUID bensOrder = UUID.fromString((String) aShopper().placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody().get("id"));

        assertThat(bensOrder).isNotEqualTo(annsOrder);
    }

    @Test
    void invalidOrdersAre400sNamingEachFieldAndStoreNothing() {
        Shopper ann = aShopper();

        assertThat(badRequestFields(ann, with(anOrder(), "lines", List.of()))).containsExactly("lines");
        assertThat(badRequestFields(ann, orderOf(line(StubCatalog.MATCHA, 0), line(StubCatalog.WHISK, 100))))
                .containsExactly("lines[0].quantity", "lines[1].quantity");
        assertThat(badRequestFields(ann, orderOf(line(StubCatalog.MATCHA, 1), line(StubCatalog.MATCHA, 2))))
                .containsExactly("lines[1].productId");
        assertThat(badRequestFields(ann, withAddress("city", " "))).containsExactly("shippingAddress.city");
        assertThat(badRequestFields(ann, withAddress("country", "XX"))).containsExactly("shippingAddress.country");
        assertThat(badRequestFields(ann, withAddress("country", "jp"))).containsExactly("shippingAddress.country");
        assertThat(badRequestFields(ann, with(anOrder(), "shippingAddress", null))).containsExactly("shippingAddress");
        assertThat(badRequestFields(ann, with(anOrder(), "paymentMethod", ""))).containsExactly("paymentMethod");
        assertThat(badRequestFields(ann, orderOf(line(StubCatalog.MATCHA, 1), line(UUID.randomUUID(), 1))))
                .containsExactly("lines[1].productId");
        assertThat(badRequestFields(ann, orderOf(line(StubCatalog.RETIRED_BOWL, 1)))).containsExactly("lines[0].productId");
        assertThat(badRequestFields(ann, orderOf(line(StubCatalog.MATCHA, 1), line(StubCatalog.PARIS_TEA, 1))))
                .containsExactly("lines");
        assertThat(ordersOf(ann)).isZero();
    }

    @Test
    void anOrderTheRulesRefuseLeavesNothingBehindNotEvenItsIdempotencyKey() {
        Shopper ann = aShopper();
        String key = "checkout-" + UUID.randomUUID();
        Map<String, Object> problem = ann.placeOrder(orderOf(line(StubCatalog.MATCHA, 1), line(StubCatalog.WHISK, 1),
                line(StubCatalog.MATCHA, 3)), key).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Shopper.JSON).returnResult().getResponseBody();
        assertThat(problem.get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .isEqualTo(Map.of("field", "lines[2].productId",
                        "message", "The product appears more than once; order it once with the total quantity"));

        // The refusal came from the decider inside the transaction that stored the key: the same key is free again.
        ann.placeOrder(anOrder(), key).expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ordersOf(ann)).isEqualTo(1);
    }

    @Test
    void withTheCatalogDownNothingIsPlacedAndTheAnswerIs503() {
        Shopper ann = aShopper();
        CATALOG.failing(true);

        ann.placeOrder(anOrder(), "k-" + UUID.randomUUID())
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("catalog unavailable"));

        assertThat(ordersOf(ann)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE customer_id = :c").param("c", ann.id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherShoppersOrderIsNotFoundButAnAdministratorSeesIt() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        Shopper ben = aShopper();

        ben.get("/api/orders/" + orderId).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        ben.get("/api/orders/" + orderId + "/history").expectStatus().isNotFound();
        ben.get("/api/orders/" + orderId + "?asOf=" + Instant.now()).expectStatus().isNotFound();
        ben.post("/api/orders/" + orderId + "/cancel").expectStatus().isNotFound();
        anAdministrator().get("/api/orders/" + orderId).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(orderId.toString());
        assertThat(ann.status(orderId)).isEqualTo("PENDING");
    }

    @Test
    void aShoppersListShowsTheirOrdersNewestFirstInPages() {
        Shopper ann = aShopper();
        UUID first = ann.placesOrder(anOrder());
        UUID second = ann.placesOrder(orderOf(line(StubCatalog.KYUSU, 1)));
        UUID third = ann.placesOrder(orderOf(line(StubCatalog.WHISK, 3)));
        aShopper().placesOrder(anOrder());

        await().atMost(PATIENCE).until(() -> totalElements(ann.get("/api/orders?size=2")) == 3);
        Map<String, Object> page0 = ann.get("/api/orders?size=2").expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody();
        Map<String, Object> page1 = ann.get("/api/orders?size=2&page=1").expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody();

        assertThat(ids(page0)).containsExactly(third.toString(), second.toString());
        assertThat(ids(page1)).containsExactly(first.toString());
        assertThat(page0).containsEntry("page", 0).containsEntry("size", 2).containsEntry("totalElements", 3).containsEntry("totalPages", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> newest = ((List<Map<String, Object>>) page0.get("content")).getFirst();
        assertThat(newest).containsEntry("status", "PENDING").containsEntry("total", "8400").containsEntry("itemCount", 3);
        ann.get("/api/orders?size=101").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void historyListsTheEventsAndAsOfReplaysThemToAnInstant() {
        Shopper ann = aShopper();
        Instant beforePlacing = Instant.now().minusSeconds(1);
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);
        Instant whilePending = Instant.parse((String) ann.order(orderId).get("createdAt")).plusMillis(1);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(whilePending.plusMillis(5)));
        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        ProcessPayment payment = probe().await(orderId, ProcessPayment.TYPE);
        UUID paymentId = UUID.randomUUID();
        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, paymentId, payment.amount()));
        awaitStatus(ann, orderId, "CONFIRMED");

        List<Map<String, Object>> history = ann.get("/api/orders/" + orderId + "/history").expectStatus().isOk()
                .expectBody(Shopper.JSON_LIST).returnResult().getResponseBody();

        assertThat(history).extracting(event -> event.get("version"), event -> event.get("type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "order.placed"), org.assertj.core.groups.Tuple.tuple(2, "order.confirmed"));
        assertThat(history.get(1).get("data")).isEqualTo(Map.of("orderId", orderId.toString(), "paymentId", paymentId.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> placedData = (Map<String, Object>) history.getFirst().get("data");
        assertThat(placedData).containsEntry("customerId", ann.id.toString())
                .containsEntry("total", "9200").containsEntry("currency", "JPY");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> placedLines = (List<Map<String, Object>>) placedData.get("lines");
        assertThat(placedLines).extracting(line -> line.get("unitPrice")).containsExactly("3200", "2800");
        assertThat(ann.get("/api/orders/" + orderId + "?asOf=" + whilePending).expectStatus().isOk().expectBody(Shopper.JSON)
                .returnResult().getResponseBody()).containsEntry("status", "PENDING").containsEntry("version", 1);
        assertThat(ann.get("/api/orders/" + orderId + "?asOf=" + Instant.now()).expectStatus().isOk().expectBody(Shopper.JSON)
                .returnResult().getResponseBody()).containsEntry("status", "CONFIRMED").containsEntry("version", 2);
        ann.get("/api/orders/" + orderId + "?asOf=" + beforePlacing).expectStatus().isNotFound();
        ann.get("/api/orders/" + orderId + "?asOf=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
    }

    @Test
    void theCartHoldsCatalogProductsAndAnOrderFromItEmptiesIt() {
        Shopper ann = aShopper();
        ann.put("/api/cart/items/" + StubCatalog.MATCHA, Map.of("quantity", 2)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.KYUSU, Map.of("quantity", 5)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.KYUSU, Map.of("quantity", 1)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.WHISK, Map.of("quantity", 1)).expectStatus().isOk();
        ann.delete("/api/cart/items/" + StubCatalog.WHISK).expectStatus().isOk();
        ann.put("/api/cart/items/" + UUID.randomUUID(), Map.of("quantity", 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");
        ann.put("/api/cart/items/" + StubCatalog.MATCHA, Map.of("quantity", 100)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");

        Map<String, Object> cart = ann.get("/api/cart").expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody();
        assertThat(cart.get("lines")).isEqualTo(List.of(
                Map.of("productId", StubCatalog.MATCHA.toString(), "productName", "Uji Matcha 100g", "unitPrice", "3200",
                        "currency", "JPY", "orderable", true, "quantity", 2),
                Map.of("productId", StubCatalog.KYUSU.toString(), "productName", "Kyusu Teapot 300ml", "unitPrice", "6800",
                        "currency", "JPY", "orderable", true, "quantity", 1)));
        assertThat(cart).containsEntry("itemCount", 3).containsEntry("totalQuantity", 3);

        UUID orderId = ann.placesOrder(Map.of("fromCart", true, "shippingAddress", OrderBodies.anAddress(), "paymentMethod", "pm_card_visa"));

        assertThat(ann.order(orderId)).containsEntry("total", "13200");
        assertThat(ann.get("/api/cart").expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody().get("lines"))
                .isEqualTo(List.of());
        assertThat(badRequestFields(ann, Map.of("fromCart", true, "shippingAddress", OrderBodies.anAddress(), "paymentMethod", "pm_card_visa")))
                .containsExactly("lines");
    }

    @Test
    void theCartShowsWhatTheCatalogLastSaidWhileItIsDownButTakesNoNewProduct() {
        Shopper ann = aShopper();
        ann.put("/api/cart/items/" + StubCatalog.WHISK, Map.of("quantity", 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].productName").isEqualTo("Bamboo Whisk");
        CATALOG.failing(true);

        ann.get("/api/cart").expectStatus().isOk().expectBody()
                .jsonPath("$.lines[0].productName").isEqualTo("Bamboo Whisk")
                .jsonPath("$.lines[0].unitPrice").isEqualTo("2800")
                .jsonPath("$.itemCount").isEqualTo(2);
        ann.put("/api/cart/items/" + StubCatalog.KYUSU, Map.of("quantity", 1)).expectStatus().isEqualTo(503);
        assertThat(ann.get("/api/cart").expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody())
                .containsEntry("itemCount", 2);
    }

    @Test
    void cartsAndOrdersNeedAValidToken() {
        RestTestClient anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        anonymous.get().uri("/api/cart").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(anOrder()).exchange()
                .expectStatus().isUnauthorized();
        aShopper().get("/api/admin/orders/sagas").expectStatus().isForbidden();
    }

    private List<String> badRequestFields(Shopper shopper, Map<String, Object> body) {
        Map<String, Object> problem = shopper.placeOrder(body, null).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Shopper.JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        return errors.stream().map(error -> error.get("field")).toList();
    }

    private static long totalElements(RestTestClient.ResponseSpec response) {
        return ((Number) response.expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody().get("totalElements"))
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("content")).stream().map(order -> (String) order.get("id")).toList();
    }
}
