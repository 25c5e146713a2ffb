package dev.kaimono.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.ShipmentArranged;
import dev.kaimono.events.ShipmentDelivered;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.events.wire.EventEnvelope;

/** The demo carrier: with auto-advance on, a confirmed order's shipment reaches DELIVERED by itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.shipping.auto-advance.enabled=true",
        "kaimono.shipping.auto-advance.dispatch-after=1s",
        "kaimono.shipping.auto-advance.deliver-after=200ms",
        "kaimono.shipping.auto-advance.interval=100ms"})
class AutoAdvanceIT extends ShippingServiceIntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aConfirmedOrdersShipmentIsDispatchedByTheDemoCarrierAndThenDelivered() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();

        send(orders.confirmed(orderId, customerId));

        ShipmentJson shipment = awaitStatus(orderId, customerId, "DELIVERED");
        assertThat(shipment.carrier()).isEqualTo("Kaimono Express");
        assertThat(shipment.trackingNumber()).matches("KX-\\d{4}-\\d{4}-\\d{4}");
        assertThat(shipment.dispatchedAt()).isAfterOrEqualTo(shipment.arrangedAt().plusSeconds(1));
        assertThat(shipment.deliveredAt()).isAfterOrEqualTo(shipment.dispatchedAt().plusMillis(200));
        var dispatched = probe.await(ShipmentDispatched.TYPE, event -> event.orderId().equals(orderId));
        assertThat(dispatched.payload()).isEqualTo(new ShipmentDispatched(shipment.id(), orderId, "Kaimono Express",
                shipment.trackingNumber()));
        assertThat(probe.await(ShipmentDelivered.TYPE, event -> event.orderId().equals(orderId)).payload().shipmentId())
                .isEqualTo(shipment.id());
        assertThat(probe.envelopes(envelope -> envelope.aggregateId().equals(shipment.id().toString())))
                .extracting(EventEnvelope::eventType)
                .containsExactly(ShipmentArranged.TYPE.name(), ShipmentDispatched.TYPE.name(), ShipmentDelivered.TYPE.name());
    }

    @Test
    void aSweepSkipsAShipmentAnotherTransactionHoldsAndMovesTheOthersOn() throws InterruptedException {
        UUID heldOrder = UUID.randomUUID();
        UUID heldCustomer = UUID.randomUUID();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        send(orders.confirmed(heldOrder, heldCustomer));
        Thread otherInstance = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> {
            await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> jdbc
                    .sql("SELECT id FROM shipment WHERE order_id = :orderId AND status = 'ARRANGED' FOR UPDATE")
                    .param("orderId", heldOrder).query(UUID.class).optional().isPresent());
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the held shipment was locked").isTrue();
        UUID otherOrder = UUID.randomUUID();
        UUID otherCustomer = UUID.randomUUID();

        send(orders.confirmed(otherOrder, otherCustomer));

        try {
            awaitStatus(otherOrder, otherCustomer, "DELIVERED");
            assertThat(shipmentOfOrder(heldOrder, shopper(heldCustomer)).status()).isEqualTo("ARRANGED");
        } finally {
            release.countDown();
            otherInstance.join(PATIENCE);
        }
        assertThat(awaitStatus(heldOrder, heldCustomer, "DELIVERED").carrier()).isEqualTo("Kaimono Express");
    }

    private ShipmentJson awaitStatus(UUID orderId, UUID customerId, String status) {
        return await().atMost(PATIENCE).until(() -> awaitShipmentOfOrder(orderId, shopper(customerId)),
                shipment -> status.equals(shipment.status()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
