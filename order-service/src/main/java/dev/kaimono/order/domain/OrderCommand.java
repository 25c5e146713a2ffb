package dev.kaimono.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What can be asked of an order. Each command carries the instant it is decided at, so deciding is a
 * pure function of the command and the state.
 */
public sealed interface OrderCommand {

    /**
     * Its name in logs and in the saga's stored transition log ({@code place_order_saga_transition.order_command}).
     * Written out, not taken from the class, so that renaming a record never changes what stored rows mean.
     */
    default String name() {
        return switch (this) {
            case PlaceOrder _ -> "PlaceOrder";
            case ConfirmOrder _ -> "ConfirmOrder";
            case RejectOrder _ -> "RejectOrder";
            case CancelOrder _ -> "CancelOrder";
            case RecordShipment _ -> "RecordShipment";
            case RecordDelivery _ -> "RecordDelivery";
        };
    }

    OrderId orderId();

    Instant at();

    /** A shopper places an order with lines priced from the catalog. */
    record PlaceOrder(OrderId orderId, CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress,
            PaymentMethod paymentMethod, Instant at) implements OrderCommand {

        public PlaceOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(shippingAddress, "shippingAddress");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(paymentMethod, "paymentMethod");
            lines = List.copyOf(lines);
        }
    }

    /** The saga confirms the order: stock is reserved and payment captured. */
    record ConfirmOrder(OrderId orderId, UUID paymentId, Instant at) implements OrderCommand {

        public ConfirmOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The saga gives up placing the order (out of stock, payment declined, timed out). */
    record RejectOrder(OrderId orderId, CancellationReason reason, Instant at) implements OrderCommand {

        public RejectOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(at, "at");
            if (reason == null || !reason.endsPlacement()) {
                throw new IllegalArgumentException("An order is rejected for stock, payment or time, not " + reason);
            }
        }
    }

    /** The shopper cancels their confirmed, undispatched order. */
    record CancelOrder(OrderId orderId, Instant at) implements OrderCommand {

        public CancelOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Shipping handed the order's shipment to a carrier. */
    record RecordShipment(OrderId orderId, Shipment shipment, Instant at) implements OrderCommand {

        public RecordShipment {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(shipment, "shipment");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Shipping delivered the order's shipment. */
    record RecordDelivery(OrderId orderId, UUID shipmentId, Instant at) implements OrderCommand {

        public RecordDelivery {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(shipmentId, "shipmentId");
            Objects.requireNonNull(at, "at");
        }
    }
}
