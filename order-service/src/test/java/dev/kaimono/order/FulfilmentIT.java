package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.OrderShipped;
import dev.kaimono.events.ShipmentDelivered;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.messaging.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** After confirmation: shipping's reports move the order along; the shopper may cancel until dispatch. */
class FulfilmentIT extends OrderServiceIntegrationTest {

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    private double fulfilmentConflicts() {
        Counter counter = meters.find("kaimono.orders.fulfilment.conflicts").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void dispatchAndDeliveryReportsShipAndDeliverTheOrderOnce() {
        Shopper ann = aShopper();
        UUID orderId = aConfirmedOrderOf(ann);
        UUID shipmentId = UUID.randomUUID();

        publish(ShipmentDispatched.TYPE, orderId, new ShipmentDispatched(shipmentId, orderId, "Yamato", "4470-1234"));
        publish(ShipmentDispatched.TYPE, orderId, new ShipmentDispatched(shipmentId, orderId, "Yamato", "4470-1234"));
        assertThat(probe().await(orderId, OrderShipped.TYPE)).isEqualTo(new OrderShipped(orderId, shipmentId));
        awaitStatus(ann, orderId, "SHIPPED");
        publish(ShipmentDelivered.TYPE, orderId, new ShipmentDelivered(shipmentId, orderId));

        OrderDelivered delivered = probe().await(orderId, OrderDelivered.TYPE);
        assertThat(delivered.orderId()).isEqualTo(orderId);
        assertThat(delivered.shipmentId()).isEqualTo(shipmentId);
        assertThat(delivered.customerId()).as("version 2 names whose order it was").isEqualTo(ann.id);
        assertThat(delivered.lines()).extracting(OrderLine::productId).containsExactlyInAnyOrder(StubCatalog.MATCHA, StubCatalog.WHISK);
        awaitStatus(ann, orderId, "DELIVERED");
        assertThat(ann.order(orderId).get("shipment")).isEqualTo(
                Map.of("shipmentId", shipmentId.toString(), "carrier", "Yamato", "trackingNumber", "4470-1234"));
        assertThat(PlaceOrderSagaIT.history(ann, orderId)).containsExactly("order.placed", "order.confirmed", "order.shipped", "order.delivered");
        assertThat(probe().all(orderId, OrderShipped.TYPE)).hasSize(1);
    }

    @Test
    void aShopperCancelsAConfirmedOrderAndEveryoneIsTold() {
        Shopper ann = aShopper();
        UUID orderId = aConfirmedOrderOf(ann);

        Map<String, Object> cancelled = ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isOk()
                .expectBody(Shopper.JSON).returnResult().getResponseBody();

        assertThat(cancelled).containsEntry("status", "CANCELLED").containsEntry("cancellationReason", "CUSTOMER_REQUEST");
        assertThat(probe().await(orderId, OrderCancelled.TYPE)).isEqualTo(new OrderCancelled(orderId, "CUSTOMER_REQUEST", true));
        assertThat(ann.status(orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingACancelledOrderAgainIsHarmless() {
        Shopper ann = aShopper();
        UUID orderId = aConfirmedOrderOf(ann);
        ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isOk();

        ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        assertThat(PlaceOrderSagaIT.history(ann, orderId)).containsExactly("order.placed", "order.confirmed", "order.cancelled");
    }

    @Test
    void aDispatchedOrderCannotBeCancelled() {
        Shopper ann = aShopper();
        UUID orderId = aConfirmedOrderOf(ann);
        publish(ShipmentDispatched.TYPE, orderId, new ShipmentDispatched(UUID.randomUUID(), orderId, "Sagawa", "1"));
        awaitStatus(ann, orderId, "SHIPPED");

        ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.orderStatus").isEqualTo("SHIPPED");

        assertThat(ann.status(orderId)).isEqualTo("SHIPPED");
        assertThat(probe().all(orderId, OrderCancelled.TYPE)).isEmpty();
    }

    @Test
    void aDispatchReportForAnOrderTheShopperJustCancelledIsCountedAsAConflictNotRetriedIntoTheDeadLetterQueue() {
        Shopper ann = aShopper();
        UUID orderId = aConfirmedOrderOf(ann);
        ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isOk();
        double conflictsBefore = fulfilmentConflicts();

        EventEnvelope report = publish(ShipmentDispatched.TYPE, orderId, new ShipmentDispatched(UUID.randomUUID(), orderId, "Yamato", "2"));

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :id")
                .param("id", report.eventId()).query(Long.class).single() == 1);
        assertThat(fulfilmentConflicts()).isEqualTo(conflictsBefore + 1);
        assertThat(ann.status(orderId)).isEqualTo("CANCELLED");
        assertThat(deadLetters.list("order-service.events", 100)).noneMatch(letter -> letter.messageId().equals(report.eventId().toString()));
    }

    @Test
    void aPendingOrderCannotBeCancelledWhileItIsBeingPlaced() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());

        ann.post("/api/orders/" + orderId + "/cancel").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("being placed"));

        assertThat(ann.status(orderId)).isEqualTo("PENDING");
    }
}
