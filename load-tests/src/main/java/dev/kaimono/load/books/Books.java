package dev.kaimono.load.books;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the auditor read at one moment: the order store and its sagas (order-service), stock and
 * reservations (inventory-service), payments (payment-service), shipments (shipping-service), each
 * database's unpublished outbox rows, and the depth of every queue in the environment's virtual host.
 */
record Books(Map<UUID, Order> orders, Map<UUID, String> sagas, Map<UUID, Stock> stock,
        Map<UUID, Reservation> reservations, List<Payment> payments, List<Shipment> shipments,
        Map<String, Long> unpublishedOutbox, Map<String, Long> queueDepths) {

    static final Set<String> KEPT = Set.of("CONFIRMED", "SHIPPED", "DELIVERED");
    static final Set<String> FINAL_SAGA_STEPS = Set.of("COMPLETED", "CANCELLED");

    Books {
        orders = Map.copyOf(orders);
        sagas = Map.copyOf(sagas);
        stock = Map.copyOf(stock);
        reservations = Map.copyOf(reservations);
        payments = List.copyOf(payments);
        shipments = List.copyOf(shipments);
        unpublishedOutbox = Map.copyOf(unpublishedOutbox);
        queueDepths = Map.copyOf(queueDepths);
    }

    /**
     * An order as its event stream tells it: the status of its last event, what was placed and its total.
     *
     * @param lines quantity per product as placed
     */
    record Order(UUID id, String status, Map<UUID, Integer> lines, BigDecimal total, String currency) {

        Order {
            lines = Map.copyOf(lines);
        }

        /** Sold and not taken back: the stock stays out and the money stays in. */
        boolean kept() {
            return KEPT.contains(status);
        }

        boolean settled() {
            return kept() || "CANCELLED".equals(status);
        }
    }

    /** One stock row: on hand and held for reservations. */
    record Stock(UUID productId, int onHand, int reserved) {
    }

    /** An order's reservation in inventory: its status and quantity per product. */
    record Reservation(UUID orderId, String status, Map<UUID, Integer> lines) {

        Reservation {
            lines = Map.copyOf(lines);
        }

        boolean held() {
            return "RESERVED".equals(status);
        }
    }

    /**
     * A payment row.
     *
     * @param captured the provider took the money (a provider reference is recorded)
     * @param refunded the amount given back, zero unless the refund completed
     */
    record Payment(UUID orderId, String status, BigDecimal amount, String currency, boolean captured, BigDecimal refunded) {

        /** Waiting for the provider (charging or refunding): not settled yet. */
        boolean inFlight() {
            return !Set.of("COMPLETED", "FAILED", "REFUNDED").contains(status);
        }

        /** Captured and not refunded: money the shop keeps. */
        BigDecimal kept() {
            return captured ? amount.subtract(refunded) : BigDecimal.ZERO;
        }
    }

    /** A shipment row. */
    record Shipment(UUID orderId, String status) {

        boolean live() {
            return !"CANCELLED".equals(status);
        }
    }
}
