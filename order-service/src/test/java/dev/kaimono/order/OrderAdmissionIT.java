package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Over capacity the door closes: while enough sagas have been running for longer than the maximum lag, a new
 * order is refused with 503 and Retry-After before anything is stored, a retry of an accepted order still gets its
 * answer, and once the sagas catch up orders are taken again. Nothing replies to the sagas here, so "running for
 * too long" is made by moving their start back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.order.saga.stock-timeout=10m",
        "kaimono.order.saga.payment-timeout=10m",
        "kaimono.messaging.relay.poll-interval=100ms",
        "kaimono.test.admission=true",
        "kaimono.order.admission.max-lag=1m",
        "kaimono.order.admission.lagging-orders=3",
        "kaimono.order.admission.check-interval=100ms",
        "kaimono.order.admission.retry-after=7s"})
class OrderAdmissionIT extends OrderServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void ordersAreRefusedWith503WhileSagasLagAndTakenAgainOnceTheyCatchUp() {
        Shopper ann = aShopper();
        String key = "checkout-" + UUID.randomUUID();
        UUID first = acceptedId(ann, key);
        acceptedId(ann, null);
        acceptedId(ann, null);
        long ordersBefore = ordersOf(ann);

        jdbc.sql("UPDATE place_order_saga SET started_at = started_at - interval '2 minutes' WHERE customer_id = :customer")
                .param("customer", ann.id).update();
        await().atMost(PATIENCE).until(() -> gauge("kaimono.saga.lagging") >= 3);

        ann.placeOrder(anOrder(), null)
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Orders busy");
        assertThat(ordersOf(ann)).isEqualTo(ordersBefore);
        assertThat(meters.get("kaimono.orders.refused").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(acceptedId(ann, key)).as("a retry of an accepted order gets its order back").isEqualTo(first);
        assertThat(ordersOf(ann)).isEqualTo(ordersBefore);

        jdbc.sql("UPDATE place_order_saga SET started_at = now() WHERE customer_id = :customer")
                .param("customer", ann.id).update();
        await().atMost(PATIENCE).until(() -> gauge("kaimono.saga.lagging") == 0);

        acceptedId(ann, null);
        assertThat(ordersOf(ann)).isEqualTo(ordersBefore + 1);
    }

    private UUID acceptedId(Shopper shopper, String idempotencyKey) {
        Map<String, Object> body = shopper.placeOrder(anOrder(), idempotencyKey).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(Shopper.JSON).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
