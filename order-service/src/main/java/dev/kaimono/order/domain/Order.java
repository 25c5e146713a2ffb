package dev.kaimono.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A placed order, folded from its events by {@link OrderDecider#evolve}: its {@link Placement}, which never changes,
 * and where it stands now.
 *
 * <p>The order aggregate guards the lifecycle of ARCHITECTURE §3: {@code PENDING → CONFIRMED → SHIPPED →
 * DELIVERED}, and {@code CANCELLED} either from {@code PENDING} by the place-order saga (out of stock,
 * payment declined, timed out) or from {@code CONFIRMED} by the shopper before dispatch. Its lines, prices
 * and total are a snapshot taken from the catalog when it was placed and never change; the total is always
 * the sum of the lines, in the one currency of all of them. Nothing is ever deleted: the order is stored as
 * its events (event sourcing) and any past state can be replayed. Before its first event an order is
 * {@link OrderState.NotPlaced}, not an order with empty fields.
 *
 * @param cancellationReason why it was cancelled, once it is
 * @param paymentId the captured payment, once confirmed
 * @param shipment the parcel, once dispatched
 */
public record Order(Placement placement, OrderStatus status, Optional<CancellationReason> cancellationReason,
        Optional<UUID> paymentId, Optional<Shipment> shipment, Instant updatedAt) implements OrderState {

    public Order {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A just-placed order: pending, nothing paid, nothing shipped. */
    static Order placed(Placement placement) {
        return new Order(placement, OrderStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(),
                placement.placedAt());
    }

    public OrderId id() {
        return placement.id();
    }

    public CustomerId customerId() {
        return placement.customerId();
    }

    public List<OrderLine> lines() {
        return placement.lines();
    }

    public Money total() {
        return placement.total();
    }

    public ShippingAddress shippingAddress() {
        return placement.shippingAddress();
    }

    public PaymentMethod paymentMethod() {
        return placement.paymentMethod();
    }

    public Instant placedAt() {
        return placement.placedAt();
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId().equals(customer);
    }

    Order withStatus(OrderStatus newStatus, Instant at) {
        return new Order(placement, newStatus, cancellationReason, paymentId, shipment, at);
    }

    Order confirmed(UUID payment, Instant at) {
        return new Order(placement, OrderStatus.CONFIRMED, Optional.empty(), Optional.of(payment), shipment, at);
    }

    Order cancelled(CancellationReason reason, Instant at) {
        return new Order(placement, OrderStatus.CANCELLED, Optional.of(reason), paymentId, shipment, at);
    }

    Order shipped(Shipment by, Instant at) {
        return new Order(placement, OrderStatus.SHIPPED, cancellationReason, paymentId, Optional.of(by), at);
    }
}
