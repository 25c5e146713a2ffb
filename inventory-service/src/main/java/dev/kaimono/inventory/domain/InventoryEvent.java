package dev.kaimono.inventory.domain;

import java.util.List;

/**
 * What happened to stock or to a reservation, recorded by the aggregates. The messaging adapter turns
 * these into integration events; they are not the contracts themselves.
 */
public sealed interface InventoryEvent {

    /** An administrator counted or replenished a product's stock. */
    record StockCounted(ProductId productId, int onHand, int available) implements InventoryEvent {
    }

    /** A product's availability went from above zero to zero. */
    record StockDepleted(ProductId productId) implements InventoryEvent {
    }

    /** Every line of an order is held. */
    record ReservationHeld(OrderId orderId, List<ReservationLine> lines) implements InventoryEvent {

        public ReservationHeld {
            lines = List.copyOf(lines);
        }
    }

    /** An order could not be held; nothing was. */
    record ReservationRefused(OrderId orderId, List<Shortage> shortages) implements InventoryEvent {

        public ReservationRefused {
            shortages = List.copyOf(shortages);
        }
    }

    /** Stock an order held, or had taken, is available again. */
    record ReservationReleased(OrderId orderId, List<ReservationLine> lines, ReleaseReason reason) implements InventoryEvent {

        public ReservationReleased {
            lines = List.copyOf(lines);
        }
    }

    /** An order was confirmed: what it held left the stock on hand. */
    record ReservationDeducted(OrderId orderId, List<ReservationLine> lines) implements InventoryEvent {

        public ReservationDeducted {
            lines = List.copyOf(lines);
        }
    }

    /** Why a reservation gave its stock back. */
    enum ReleaseReason {
        /** The place-order saga asked (release-stock). */
        REQUESTED,
        /** Neither confirmed nor released within its time to live. */
        EXPIRED,
        /** The order was cancelled before it was confirmed. */
        ORDER_CANCELLED,
        /** A confirmed order was cancelled; its deducted units went back on hand. */
        RESTOCKED
    }
}
