package dev.kaimono.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What happened to an order: the facts the order is stored as. These are domain events, private to
 * order-service; the messaging adapter maps them to the integration contracts of {@code dev.kaimono.events}.
 */
public sealed interface OrderEvent {

    OrderId orderId();

    Instant occurredAt();

    record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
            ShippingAddress shippingAddress, PaymentMethod paymentMethod, Instant occurredAt) implements OrderEvent {

        public OrderPlaced {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(shippingAddress, "shippingAddress");
            Objects.requireNonNull(occurredAt, "occurredAt");
            lines = List.copyOf(lines);
        }
    }

    record OrderConfirmed(OrderId orderId, UUID paymentId, Instant occurredAt) implements OrderEvent {

        public OrderConfirmed {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    record OrderCancelled(OrderId orderId, CancellationReason reason, boolean wasConfirmed, Instant occurredAt)
            implements OrderEvent {

        public OrderCancelled {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    record OrderShipped(OrderId orderId, Shipment shipment, Instant occurredAt) implements OrderEvent {

        public OrderShipped {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(shipment, "shipment");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    record OrderDelivered(OrderId orderId, UUID shipmentId, Instant occurredAt) implements OrderEvent {

        public OrderDelivered {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(shipmentId, "shipmentId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
