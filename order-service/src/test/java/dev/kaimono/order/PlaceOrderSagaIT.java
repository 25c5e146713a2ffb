package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.OrderPlaced;
import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.PaymentFailed;
import dev.kaimono.events.PricedLine;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.ShortLine;
import dev.kaimono.events.StockReservationFailed;
import dev.kaimono.events.StockReserved;

/** The place-order saga end to end: HTTP in, commands out, replies in, order confirmed or cancelled. */
class PlaceOrderSagaIT extends OrderServiceIntegrationTest {

    private static final Money TOTAL = new Money(new BigDecimal("9200"), "JPY");

    @Test
    void placingAnOrderAnswers202AndAsksInventoryToReserveItsLines() {
        Shopper ann = aShopper();

        Map<String, Object> accepted = ann.placeOrder(anOrder(), null)
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectHeader().valueMatches("Location", "/api/orders/[0-9a-f-]{36}")
                .expectBody(Shopper.JSON).returnResult().getResponseBody();
        UUID orderId = UUID.fromString((String) accepted.get("id"));

        assertThat(accepted).containsEntry("status", "PENDING");
        assertThat(probe().await(orderId, ReserveStock.TYPE).lines())
                .containsExactly(new OrderLine(StubCatalog.MATCHA, 2), new OrderLine(StubCatalog.WHISK, 1));
        OrderPlaced placed = probe().await(orderId, OrderPlaced.TYPE);
        assertThat(placed.customerId()).isEqualTo(ann.id);
        assertThat(placed.total()).isEqualTo(TOTAL);
        assertThat(placed.lines()).extracting(PricedLine::productName).containsExactly("Uji Matcha 100g", "Bamboo Whisk");
        assertThat(ann.status(orderId)).isEqualTo("PENDING");
        assertThat(sagaState(orderId)).isEqualTo("AWAITING_STOCK");
    }

    @Test
    void reservedStockAndCapturedPaymentConfirmTheOrder() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);

        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of(new OrderLine(StubCatalog.MATCHA, 2))));
        ProcessPayment payment = probe().await(orderId, ProcessPayment.TYPE);
        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, UUID.randomUUID(), payment.amount()));

        awaitStatus(ann, orderId, "CONFIRMED");
        assertThat(payment).isEqualTo(new ProcessPayment(orderId, ann.id, TOTAL, "pm_card_visa", payment.chargeBy()));
        assertThat(payment.chargeBy()).as("the payment step's deadline").isAfter(Instant.now());
        OrderConfirmed confirmed = probe().await(orderId, OrderConfirmed.TYPE);
        assertThat(confirmed.total()).isEqualTo(TOTAL);
        assertThat(confirmed.customerId()).isEqualTo(ann.id);
        assertThat(confirmed.lines()).hasSize(2);
        assertThat(confirmed.shippingAddress().country()).isEqualTo("JP");
        assertThat(sagaState(orderId)).isEqualTo("COMPLETED");
    }

    @Test
    void aFailedReservationCancelsTheOrderAsOutOfStock() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);

        publish(StockReservationFailed.TYPE, orderId,
                new StockReservationFailed(orderId, List.of(new ShortLine(StubCatalog.MATCHA, 2, 1))));

        awaitStatus(ann, orderId, "CANCELLED");
        assertThat(ann.order(orderId)).containsEntry("cancellationReason", "OUT_OF_STOCK");
        assertThat(probe().await(orderId, OrderCancelled.TYPE)).isEqualTo(new OrderCancelled(orderId, "OUT_OF_STOCK", false));
        assertThat(probe().all(orderId, ProcessPayment.TYPE)).isEmpty();
        assertThat(sagaState(orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndCancelsTheOrder() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);
        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        probe().await(orderId, ProcessPayment.TYPE);

        publish(PaymentFailed.TYPE, orderId, new PaymentFailed(orderId, "card_declined"));

        assertThat(probe().await(orderId, ReleaseStock.TYPE)).isEqualTo(new ReleaseStock(orderId));
        awaitStatus(ann, orderId, "CANCELLED");
        assertThat(ann.order(orderId)).containsEntry("cancellationReason", "PAYMENT_DECLINED");
        assertThat(probe().await(orderId, OrderCancelled.TYPE)).isEqualTo(new OrderCancelled(orderId, "PAYMENT_DECLINED", false));
    }

    @Test
    void aDuplicateReplyMovesTheSagaOnlyOnce() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);

        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        probe().await(orderId, ProcessPayment.TYPE);
        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, UUID.randomUUID(), TOTAL));
        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, UUID.randomUUID(), TOTAL));

        awaitStatus(ann, orderId, "CONFIRMED");
        await().atMost(PATIENCE).until(() -> transitions(orderId).size() == 3);
        assertThat(transitions(orderId)).containsExactly("AWAITING_STOCK", "AWAITING_PAYMENT", "COMPLETED");
        assertThat(probe().all(orderId, ProcessPayment.TYPE)).hasSize(1);
        assertThat(history(ann, orderId)).containsExactly("order.placed", "order.confirmed");
    }

    @Test
    void aPaymentCapturedAfterTheOrderWasCancelledIsRefunded() {
        Shopper ann = aShopper();
        UUID orderId = ann.placesOrder(anOrder());
        probe().await(orderId, ReserveStock.TYPE);
        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        probe().await(orderId, ProcessPayment.TYPE);
        publish(PaymentFailed.TYPE, orderId, new PaymentFailed(orderId, "timeout at the provider"));
        awaitStatus(ann, orderId, "CANCELLED");

        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, UUID.randomUUID(), TOTAL));

        assertThat(probe().await(orderId, RefundPayment.TYPE)).isEqualTo(new RefundPayment(orderId, TOTAL));
        assertThat(ann.order(orderId)).containsEntry("status", "CANCELLED").containsEntry("cancellationReason", "PAYMENT_DECLINED");
    }

    private List<String> transitions(UUID orderId) {
        return jdbc.sql("SELECT to_state FROM place_order_saga_transition WHERE order_id = :id ORDER BY id")
                .param("id", orderId).query(String.class).list();
    }

    static List<String> history(Shopper shopper, UUID orderId) {
        return shopper.get("/api/orders/" + orderId + "/history").expectStatus().isOk().expectBody(Shopper.JSON_LIST)
                .returnResult().getResponseBody().stream().map(event -> (String) event.get("type")).toList();
    }
}
