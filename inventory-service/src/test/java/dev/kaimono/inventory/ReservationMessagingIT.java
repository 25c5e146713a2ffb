package dev.kaimono.inventory;

import static dev.kaimono.inventory.Messages.orderCancelled;
import static dev.kaimono.inventory.Messages.orderConfirmed;
import static dev.kaimono.inventory.Messages.orderLine;
import static dev.kaimono.inventory.Messages.productAdded;
import static dev.kaimono.inventory.Messages.releaseStock;
import static dev.kaimono.inventory.Messages.reserveStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ProductOutOfStock;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.ShortLine;
import dev.kaimono.events.StockReleased;
import dev.kaimono.events.StockReservationFailed;
import dev.kaimono.events.StockReserved;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.inventory.application.Availability;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation.Status;
import dev.kaimono.messaging.DeadLetters;
import dev.kaimono.testsupport.BrokerProbe;

/**
 * The saga's commands and the events inventory reacts to, end to end over RabbitMQ: sent as their
 * producers send them, answered with what inventory publishes through its outbox.
 */
class ReservationMessagingIT extends InventoryIntegrationTest {

    @Autowired
    DeadLetters deadLetters;

    @Test
    void reserveStockIsAnsweredWithStockReservedInTheSameFlow() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        try (BrokerProbe probe = broker.probe(StockReserved.TYPE, StockReservationFailed.TYPE)) {

            EventEnvelope command = broker.send(ReserveStock.TYPE, order.value(), reserveStock(order, orderLine(product, 2)));

            BrokerProbe.Received<StockReserved> reply = probe.next(StockReserved.TYPE, reserved -> reserved.orderId().equals(order.value()));
            assertThat(reply.payload().lines()).containsExactly(orderLine(product, 2));
            assertThat(reply.envelope().correlationId()).isEqualTo(command.correlationId());
            assertThat(reply.envelope().causationId()).isEqualTo(command.eventId());
            assertThat(reply.envelope().aggregateId()).isEqualTo(order.toString());
            assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 5, 2, 3));
            assertThat(statusOf(order)).isEqualTo(Status.RESERVED);
        }
    }

    @Test
    void oneShortLineFailsTheOrderNamingTheShortLineAndHoldsNothing() {
        ProductId tea = stocked(5);
        ProductId cups = stocked(1);
        ProductId unknown = new ProductId(UUID.randomUUID());
        OrderId order = anOrder();
        try (BrokerProbe probe = broker.probe(StockReserved.TYPE, StockReservationFailed.TYPE)) {

            broker.send(ReserveStock.TYPE, order.value(),
                    reserveStock(order, orderLine(tea, 2), orderLine(cups, 3), orderLine(unknown, 1)));

            StockReservationFailed reply = probe.next(StockReservationFailed.TYPE, failed -> failed.orderId().equals(order.value()))
                    .payload();
            assertThat(reply.shortLines()).containsExactly(new ShortLine(cups.value(), 3, 1), new ShortLine(unknown.value(), 1, 0));
            assertThat(availabilityOf(tea).reserved()).isZero();
            assertThat(availabilityOf(cups).reserved()).isZero();
            assertThat(statusOf(order)).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void theSameCommandSentTwiceReservesOnceAndIsAnsweredTwiceTheSame() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        ReserveStock command = reserveStock(order, orderLine(product, 2));
        try (BrokerProbe probe = broker.probe(StockReserved.TYPE)) {

            broker.send(ReserveStock.TYPE, order.value(), command);
            StockReserved first = probe.next(StockReserved.TYPE, reserved -> reserved.orderId().equals(order.value())).payload();
            broker.send(ReserveStock.TYPE, order.value(), command);
            StockReserved second = probe.next(StockReserved.TYPE, reserved -> reserved.orderId().equals(order.value())).payload();

            assertThat(second).isEqualTo(first);
            assertThat(availabilityOf(product).reserved()).isEqualTo(2);
            assertThat(reservationRows(order)).isEqualTo(1);
        }
    }

    @Test
    void aRefusedOrderAskedAgainIsRefusedAgainWithTheSameShortLinesEvenAfterARestock() {
        ProductId product = stocked(1);
        OrderId order = anOrder();
        ReserveStock command = reserveStock(order, orderLine(product, 3));
        try (BrokerProbe probe = broker.probe(StockReservationFailed.TYPE)) {

            broker.send(ReserveStock.TYPE, order.value(), command);
            StockReservationFailed first = probe.next(StockReservationFailed.TYPE, failed -> failed.orderId().equals(order.value()))
                    .payload();
            stockAdministration.replenish(product, 10);
            broker.send(ReserveStock.TYPE, order.value(), command);
            StockReservationFailed second = probe.next(StockReservationFailed.TYPE, failed -> failed.orderId().equals(order.value()))
                    .payload();

            assertThat(first.shortLines()).containsExactly(new ShortLine(product.value(), 3, 1));
            assertThat(second).isEqualTo(first);
            assertThat(availabilityOf(product).reserved()).isZero();
        }
    }

    @Test
    void releaseStockGivesTheUnitsBackAndASecondReleaseChangesNothing() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        try (BrokerProbe probe = broker.probe(StockReserved.TYPE, StockReleased.TYPE)) {
            broker.send(ReserveStock.TYPE, order.value(), reserveStock(order, orderLine(product, 2)));
            probe.next(StockReserved.TYPE, reserved -> reserved.orderId().equals(order.value()));

            broker.send(ReleaseStock.TYPE, order.value(), releaseStock(order));

            StockReleased released = probe.next(StockReleased.TYPE, event -> event.orderId().equals(order.value())).payload();
            assertThat(released.lines()).containsExactly(orderLine(product, 2));
            assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 5, 0, 5));
            assertThat(statusOf(order)).isEqualTo(Status.RELEASED);

            EventEnvelope again = broker.send(ReleaseStock.TYPE, order.value(), releaseStock(order));
            awaitApplied("inventory-service.commands", again);
            assertThat(published(StockReleased.TYPE.name(), order)).isEqualTo(1);
            assertThat(availabilityOf(product).available()).isEqualTo(5);
        }
    }

    @Test
    void aReleaseBeforeTheReservationPublishesNothingAndTheLateReservationHoldsNothing() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        try (BrokerProbe probe = broker.probe(StockReleased.TYPE)) {

            EventEnvelope release = broker.send(ReleaseStock.TYPE, order.value(), releaseStock(order));
            awaitApplied("inventory-service.commands", release);
            assertThat(published(StockReleased.TYPE.name(), order)).isZero();

            broker.send(ReserveStock.TYPE, order.value(), reserveStock(order, orderLine(product, 2)));

            assertThat(probe.next(StockReleased.TYPE, event -> event.orderId().equals(order.value())).payload().lines()).isEmpty();
            assertThat(availabilityOf(product).reserved()).isZero();
            assertThat(published(StockReserved.TYPE.name(), order)).isZero();
        }
    }

    @Test
    void aNewProductInTheCatalogGetsAnEmptyStockItem() {
        ProductId product = new ProductId(UUID.randomUUID());

        broker.send(ProductAdded.TYPE, product.value(), productAdded(product));

        await().atMost(BrokerProbe.PATIENCE).untilAsserted(() ->
                assertThat(availability.of(List.of(product))).containsExactly(new Availability(product.value(), 0, 0, 0)));
    }

    @Test
    void aProductTheAdministratorStockedBeforeTheCatalogAnnouncedItKeepsItsStock() {
        ProductId product = stocked(9);

        EventEnvelope added = broker.send(ProductAdded.TYPE, product.value(), productAdded(product));

        awaitApplied("inventory-service.events", added);
        assertThat(availabilityOf(product).onHand()).isEqualTo(9);
    }

    @Test
    void aConfirmedOrderTurnsItsReservationIntoADeduction() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        reservationService.reserve(order, oneOf(product, 2));

        broker.send(OrderConfirmed.TYPE, order.value(), orderConfirmed(order, orderLine(product, 2)));

        await().atMost(BrokerProbe.PATIENCE).until(() -> statusOf(order) == Status.DEDUCTED);
        assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 3, 0, 3));
    }

    @Test
    void aConfirmedOrderCancelledLaterIsRestocked() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        reservationService.reserve(order, oneOf(product, 2));
        reservationService.confirm(order, oneOf(product, 2));
        try (BrokerProbe probe = broker.probe(StockReleased.TYPE)) {

            broker.send(OrderCancelled.TYPE, order.value(), orderCancelled(order, true));

            assertThat(probe.next(StockReleased.TYPE, event -> event.orderId().equals(order.value())).payload().lines())
                    .containsExactly(orderLine(product, 2));
            assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 5, 0, 5));
            assertThat(statusOf(order)).isEqualTo(Status.RESTOCKED);
        }
    }

    @Test
    void anOrderCancelledBeforeConfirmationReleasesItsReservation() {
        ProductId product = stocked(5);
        OrderId order = anOrder();
        reservationService.reserve(order, oneOf(product, 4));
        try (BrokerProbe probe = broker.probe(StockReleased.TYPE)) {

            broker.send(OrderCancelled.TYPE, order.value(), orderCancelled(order, false));

            assertThat(probe.next(StockReleased.TYPE, event -> event.orderId().equals(order.value())).payload().lines())
                    .containsExactly(orderLine(product, 4));
            assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 5, 0, 5));
            assertThat(statusOf(order)).isEqualTo(Status.RELEASED);
        }
    }

    @Test
    void reservingTheLastUnitsAnnouncesTheProductIsOutOfStock() {
        ProductId product = stocked(2);
        OrderId order = anOrder();
        try (BrokerProbe probe = broker.probe(ProductOutOfStock.TYPE)) {

            broker.send(ReserveStock.TYPE, order.value(), reserveStock(order, orderLine(product, 2)));

            assertThat(probe.next(ProductOutOfStock.TYPE, event -> event.productId().equals(product.value())).payload())
                    .isEqualTo(new ProductOutOfStock(product.value()));
            assertThat(availabilityOf(product).available()).isZero();
        }
    }

    @Test
    void aCommandTheDomainRefusesIsDeadLetteredAtOnce() {
        ProductId product = stocked(5);
        OrderId order = anOrder();

        EventEnvelope malformed = broker.send(ReserveStock.TYPE, order.value(),
                new ReserveStock(order.value(), List.of(new OrderLine(product.value(), 0))));

        await().atMost(BrokerProbe.PATIENCE).until(() -> deadLetters.list("inventory-service.commands", 100).stream()
                .anyMatch(letter -> letter.messageId().equals(malformed.eventId().toString())));
        assertThat(deadLetters.list("inventory-service.commands", 100))
                .filteredOn(letter -> letter.messageId().equals(malformed.eventId().toString()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.failure()).contains("positive quantity"));
        assertThat(statusOf(order)).isNull();
        assertThat(deadLetters.discard("inventory-service.commands", malformed.eventId().toString())).isEqualTo(1);
    }

    private void awaitApplied(String queue, EventEnvelope message) {
        await().atMost(BrokerProbe.PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM inbox_event WHERE consumer = :queue AND event_id = :id")
                .param("queue", queue).param("id", message.eventId()).query(Long.class).single() == 1);
    }

    private long published(String eventType, OrderId order) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :type AND aggregate_id = :order")
                .param("type", eventType).param("order", order.toString()).query(Long.class).single();
    }

    private long reservationRows(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = :order").param("order", order.value())
                .query(Long.class).single();
    }
}
