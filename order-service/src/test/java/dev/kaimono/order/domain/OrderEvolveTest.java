package dev.kaimono.order.domain;

import static dev.kaimono.order.domain.Orders.ORDER;
import static dev.kaimono.order.domain.Orders.PAYMENT;
import static dev.kaimono.order.domain.Orders.PLACED_AT;
import static dev.kaimono.order.domain.Orders.SHIPMENT;
import static dev.kaimono.order.domain.Orders.SHOPPER;
import static dev.kaimono.order.domain.Orders.VISA;
import static dev.kaimono.order.domain.Orders.aConfirmedOrder;
import static dev.kaimono.order.domain.Orders.aPendingOrder;
import static dev.kaimono.order.domain.Orders.aShippedOrder;
import static dev.kaimono.order.domain.Orders.aWhisk;
import static dev.kaimono.order.domain.Orders.anAddress;
import static dev.kaimono.order.domain.Orders.cancelledFor;
import static dev.kaimono.order.domain.Orders.confirmed;
import static dev.kaimono.order.domain.Orders.delivered;
import static dev.kaimono.order.domain.Orders.minutesLater;
import static dev.kaimono.order.domain.Orders.placed;
import static dev.kaimono.order.domain.Orders.shipped;
import static dev.kaimono.order.domain.Orders.twoTinsOfMatcha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How each event changes an order's state: one test per event type. */
class OrderEvolveTest {

    @Test
    void orderPlacedStartsAPendingOrderWithItsPriceSnapshot() {
        OrderState state = OrderDecider.evolve(OrderDecider.initialState(), placed());

        assertThat(state).isEqualTo(new Order(new Placement(ORDER, SHOPPER, List.of(twoTinsOfMatcha(), aWhisk()),
                Money.of("9200", "JPY"), anAddress(), VISA, PLACED_AT), OrderStatus.PENDING, Optional.empty(),
                Optional.empty(), Optional.empty(), PLACED_AT));
    }

    @Test
    void orderConfirmedRecordsThePayment() {
        Order order = (Order) OrderDecider.evolve(aPendingOrder(), confirmed());

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentId()).contains(PAYMENT);
        assertThat(order.updatedAt()).isEqualTo(minutesLater(1));
        assertThat(order.lines()).isEqualTo(aPendingOrder().lines());
    }

    @Test
    void orderCancelledRecordsWhy() {
        Order order = (Order) OrderDecider.evolve(aConfirmedOrder(), cancelledFor(CancellationReason.CUSTOMER_REQUEST));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        assertThat(order.paymentId()).contains(PAYMENT);
        assertThat(order.updatedAt()).isEqualTo(minutesLater(2));
    }

    @Test
    void orderShippedRecordsTheShipment() {
        Order order = (Order) OrderDecider.evolve(aConfirmedOrder(), shipped());

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.shipment()).contains(new Shipment(SHIPMENT, "Yamato", "1234-5678"));
        assertThat(order.updatedAt()).isEqualTo(minutesLater(60));
    }

    @Test
    void orderDeliveredEndsTheLifecycleKeepingTheShipment() {
        Order order = (Order) OrderDecider.evolve(aShippedOrder(), delivered());

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.status().isFinal()).isTrue();
        assertThat(order.shipment()).map(Shipment::shipmentId).contains(SHIPMENT);
        assertThat(order.updatedAt()).isEqualTo(minutesLater(24 * 60));
    }

    @Test
    void anEventBeforeOrderPlacedMeansACorruptStream() {
        assertThatIllegalStateException().isThrownBy(() -> OrderDecider.evolve(OrderDecider.initialState(), confirmed()))
                .withMessageContaining("no OrderPlaced before it");
    }

    @Test
    void foldingTheWholeHistoryGivesTheLatestState() {
        Order order = Orders.order(placed(), confirmed(), shipped(), delivered());

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.placedAt()).isEqualTo(PLACED_AT);
        assertThat(order.total()).isEqualTo(Money.of("9200", "JPY"));
    }
}
