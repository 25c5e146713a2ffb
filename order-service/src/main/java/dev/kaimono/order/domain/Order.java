package dev.kaimono.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state of one order, folded from its events by {@link OrderDecider#evolve}.
 *
 * <p>The order aggregate guards the lifecycle of ARCHITECTURE §3: {@code PENDING → CONFIRMED → SHIPPED →
 * DELIVERED}, and {@code CANCELLED} either from {@code PENDING} by the place-order saga (out of stock,
 * payment declined, timed out) or from {@code CONFIRMED} by the shopper before dispatch. Its lines, prices
 * and total are a snapshot taken from the catalog when it was placed and never change; the total is always
 * the sum of the lines, in the one currency of all of them. Nothing is ever deleted: the order is stored as
 * its events (event sourcing) and any past state can be replayed.
 *
 * <p>{@link #INITIAL} is the state of an order that has not been placed: every field is {@code null}.
 */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, Money total,
        ShippingAddress shippingAddress, String paymentMethod, CancellationReason cancellationReason, UUID paymentId,
        Shipment shipment, Instant placedAt, Instant updatedAt) {

    public static final Order INITIAL = new Order(null, null, null, List.of(), null, null, null, null, null, null, null, null);

    public Order {
        lines = List.copyOf(lines);
    }

    public boolean isPlaced() {
        return id != null;
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId != null && customerId.equals(customer);
    }

    Order withStatus(OrderStatus newStatus, Instant at) {
        return new Order(id, customerId, newStatus, lines, total, shippingAddress, paymentMethod, cancellationReason,
                paymentId, shipment, placedAt, at);
    }

    Order confirmed(UUID payment, Instant at) {
        return new Order(id, customerId, OrderStatus.CONFIRMED, lines, total, shippingAddress, paymentMethod, null,
                payment, shipment, placedAt, at);
    }

    Order cancelled(CancellationReason reason, Instant at) {
        return new Order(id, customerId, OrderStatus.CANCELLED, lines, total, shippingAddress, paymentMethod, reason,
                paymentId, shipment, placedAt, at);
    }

    Order shipped(Shipment by, Instant at) {
        return new Order(id, customerId, OrderStatus.SHIPPED, lines, total, shippingAddress, paymentMethod,
                cancellationReason, paymentId, by, placedAt, at);
    }
}
