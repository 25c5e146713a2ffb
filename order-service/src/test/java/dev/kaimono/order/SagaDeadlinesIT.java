package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.StockReserved;
import io.micrometer.core.instrument.MeterRegistry;

/** With tiny deadlines: a step without a reply is sent again, then compensated, and the order is TIMED_OUT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.order.saga.stock-timeout=1500ms",
        "kaimono.order.saga.payment-timeout=700ms",
        "kaimono.order.saga.max-attempts=3",
        "kaimono.order.saga.scan-interval=100ms",
        "kaimono.messaging.relay.poll-interval=100ms"})
class SagaDeadlinesIT extends OrderServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void inventoryThatNeverAnswersIsAskedThreeTimesThenTheReservationIsReleasedAndTheOrderTimesOut() {
        Shopper ann = aShopper();
        double compensationsBefore = compensations("stock");

        UUID orderId = ann.placesOrder(anOrder());

        awaitStatus(ann, orderId, "CANCELLED");
        assertThat(ann.order(orderId)).containsEntry("cancellationReason", "TIMED_OUT");
        assertThat(probe().await(orderId, ReleaseStock.TYPE)).isEqualTo(new ReleaseStock(orderId));
        assertThat(probe().await(orderId, OrderCancelled.TYPE)).isEqualTo(new OrderCancelled(orderId, "TIMED_OUT", false));
        assertThat(probe().all(orderId, ReserveStock.TYPE)).hasSize(3);
        assertThat(probe().all(orderId, ProcessPayment.TYPE)).isEmpty();
        assertThat(sagaState(orderId)).isEqualTo("CANCELLED");
        assertThat(transitions(orderId)).containsExactly("start:AWAITING_STOCK#1", "DeadlinePassed:AWAITING_STOCK#2",
                "DeadlinePassed:AWAITING_STOCK#3", "DeadlinePassed:CANCELLED#3");
        await().atMost(PATIENCE).until(() -> compensations("stock") == compensationsBefore + 1);
    }

    @Test
    void paymentThatNeverAnswersIsAskedThreeTimesThenStockIsReleasedAnyCaptureRefundedAndTheOrderTimesOut() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);

        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));

        awaitStatus(ann, orderId, "CANCELLED");
        assertThat(ann.order(orderId)).containsEntry("cancellationReason", "TIMED_OUT");
        assertThat(probe().all(orderId, ProcessPayment.TYPE)).hasSize(3);
        assertThat(probe().await(orderId, ReleaseStock.TYPE)).isEqualTo(new ReleaseStock(orderId));
        assertThat(probe().await(orderId, RefundPayment.TYPE))
                .isEqualTo(new RefundPayment(orderId, new Money(new BigDecimal("9200"), "JPY")));
        assertThat(transitions(orderId)).endsWith("DeadlinePassed:AWAITING_PAYMENT#3", "DeadlinePassed:CANCELLED#3");
    }

    @Test
    void administratorsSeeTheSagasWithTheirAttempts() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        awaitStatus(ann, orderId, "CANCELLED");

        List<Map<String, Object>> cancelled = anAdministrator().get("/api/admin/orders/sagas?state=CANCELLED").expectStatus().isOk()
                .expectBody(Shopper.JSON_LIST).returnResult().getResponseBody();

        assertThat(cancelled).filteredOn(saga -> saga.get("orderId").equals(orderId.toString())).singleElement()
                .satisfies(saga -> assertThat(saga).containsEntry("state", "CANCELLED").containsEntry("attempts", 3)
                        .containsEntry("cancellationReason", "TIMED_OUT").containsEntry("overdue", false)
                        .containsEntry("deadlineAt", null));
        assertThat(cancelled).allSatisfy(saga -> assertThat(saga).containsEntry("state", "CANCELLED"));
        Map<String, Object> details = anAdministrator().get("/api/admin/orders/sagas/" + orderId).expectStatus().isOk()
                .expectBody(Shopper.JSON).returnResult().getResponseBody();
        assertThat((List<?>) details.get("transitions")).hasSize(4);
    }

    private List<String> transitions(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(CASE WHEN from_state IS NULL THEN 'start' END, trigger) || ':' || to_state || '#' || attempts
                FROM place_order_saga_transition WHERE order_id = :id ORDER BY id""")
                .param("id", orderId).query(String.class).list();
    }

    private double compensations(String step) {
        var counter = meters.find("kaimono.saga.compensations").tag("step", step).counter();
        return counter == null ? 0 : counter.count();
    }
}
