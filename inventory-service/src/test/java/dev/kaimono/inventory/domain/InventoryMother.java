package dev.kaimono.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data for the domain: products, orders, stock and reservations in the states the tests start from. */
final class InventoryMother {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(15);

    private InventoryMother() {
    }

    static ProductId aProduct() {
        return new ProductId(UUID.randomUUID());
    }

    static OrderId anOrder() {
        return new OrderId(UUID.randomUUID());
    }

    static StockItem stockOf(ProductId product, int onHand) {
        return StockItem.restore(product, onHand, 0);
    }

    static StockItem stockOf(ProductId product, int onHand, int reserved) {
        return StockItem.restore(product, onHand, reserved);
    }

    static Stock stock(StockItem... items) {
        return Stock.of(List.of(items));
    }

    static ReservationLine line(ProductId product, int quantity) {
        return new ReservationLine(product, quantity);
    }

    /** A reservation holding the lines, placed at {@link #NOW}, with the events of placing it already pulled. */
    static Reservation aHeldReservation(OrderId order, Stock stock, ReservationLine... lines) {
        Reservation reservation = Reservation.place(order, List.of(lines), stock, NOW, TTL);
        if (reservation.status() != Reservation.Status.RESERVED) {
            throw new IllegalStateException("The stock given cannot hold " + List.of(lines));
        }
        reservation.pullEvents();
        stock.pullEvents();
        return reservation;
    }

    /** A reservation that held the lines and was confirmed, with its events pulled. */
    static Reservation aDeductedReservation(OrderId order, Stock stock, ReservationLine... lines) {
        Reservation reservation = aHeldReservation(order, stock, lines);
        reservation.confirm(List.of(lines), stock, NOW);
        reservation.pullEvents();
        stock.pullEvents();
        return reservation;
    }
}
