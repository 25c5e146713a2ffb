package dev.kaimono.shipping.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parcel that fulfils one confirmed order. Guards that it only moves forward through its
 * lifecycle, that it is never cancelled once the carrier has it, that every dispatched shipment names
 * its carrier and tracking number, and that the address and customer copied from the order never
 * change. One order has at most one shipment (enforced by the store).
 *
 * <pre>
 *   ARRANGED ──dispatch──▶ DISPATCHED ──deliver──▶ DELIVERED
 *      │
 *      └──cancel──▶ CANCELLED
 * </pre>
 *
 * <p>Lifecycle: {@linkplain #arrange arranged} when its order is confirmed; {@linkplain #dispatch
 * dispatched} and {@linkplain #deliver delivered} as the carrier reports progress (an administrator, or
 * the demo auto-advance); {@linkplain #cancel cancelled} when its order is cancelled before dispatch.
 * DELIVERED and CANCELLED are final. Repeating the step a shipment has already taken (the same
 * dispatch, a second delivery or cancellation) changes nothing and records nothing; any other step
 * out of order is refused with an {@link IllegalShipmentTransitionException}.
 *
 * <p>Records a {@link ShipmentEvent} for each step it takes; the caller {@linkplain #pullEvents pulls}
 * them to publish in the transaction that stores the shipment.
 */
public final class Shipment {

    private final ShipmentId id;
    private final OrderId orderId;
    private final CustomerId customerId;
    private final Address address;
    private final Instant arrangedAt;
    private ShipmentStatus status;
    private Tracking tracking;
    private Instant dispatchedAt;
    private Instant deliveredAt;
    private Instant cancelledAt;
    private final List<ShipmentEvent> events = new ArrayList<>();

    private Shipment(ShipmentId id, OrderId orderId, CustomerId customerId, Address address, ShipmentStatus status,
            Tracking tracking, Instant arrangedAt, Instant dispatchedAt, Instant deliveredAt, Instant cancelledAt) {
        this.id = Objects.requireNonNull(id, "A shipment needs an id");
        this.orderId = Objects.requireNonNull(orderId, "A shipment needs an order");
        this.customerId = Objects.requireNonNull(customerId, "A shipment needs a customer");
        this.address = Objects.requireNonNull(address, "A shipment needs an address");
        this.status = Objects.requireNonNull(status, "A shipment needs a status");
        this.arrangedAt = Objects.requireNonNull(arrangedAt, "A shipment needs the time it was arranged");
        this.tracking = tracking;
        this.dispatchedAt = dispatchedAt;
        this.deliveredAt = deliveredAt;
        this.cancelledAt = cancelledAt;
        boolean handedOver = status == ShipmentStatus.DISPATCHED || status == ShipmentStatus.DELIVERED;
        if (handedOver != (tracking != null && dispatchedAt != null)
                || (status == ShipmentStatus.DELIVERED) != (deliveredAt != null)
                || (status == ShipmentStatus.CANCELLED) != (cancelledAt != null)) {
            throw new IllegalArgumentException("Shipment %s is %s, which does not fit tracking %s, dispatched %s, delivered %s, cancelled %s"
                    .formatted(id, status, tracking, dispatchedAt, deliveredAt, cancelledAt));
        }
    }

    /** Prepares the shipment of a confirmed order, to the order's address. */
    public static Shipment arrange(OrderId orderId, CustomerId customerId, Address address, Instant now) {
        Shipment shipment = new Shipment(ShipmentId.random(), orderId, customerId, address, ShipmentStatus.ARRANGED,
                null, now, null, null, null);
        shipment.events.add(new ShipmentEvent.Arranged(shipment.id, orderId));
        return shipment;
    }

    /** A shipment as it was stored; records nothing. */
    public static Shipment restore(ShipmentId id, OrderId orderId, CustomerId customerId, Address address,
            ShipmentStatus status, Tracking tracking, Instant arrangedAt, Instant dispatchedAt, Instant deliveredAt,
            Instant cancelledAt) {
        return new Shipment(id, orderId, customerId, address, status, tracking, arrangedAt, dispatchedAt, deliveredAt,
                cancelledAt);
    }

    /**
     * Hands the shipment to a carrier. Dispatching again with the same carrier and tracking number is
     * a repeat and changes nothing.
     *
     * @throws IllegalShipmentTransitionException if it was cancelled, or already dispatched with other tracking
     */
    public void dispatch(Tracking handedOverAs, Instant now) {
        Objects.requireNonNull(handedOverAs, "A dispatch needs tracking");
        switch (status) {
            case ARRANGED -> {
                status = ShipmentStatus.DISPATCHED;
                tracking = handedOverAs;
                dispatchedAt = now;
                events.add(new ShipmentEvent.Dispatched(id, orderId, tracking));
            }
            case DISPATCHED, DELIVERED -> {
                if (!tracking.equals(handedOverAs)) {
                    throw refused("was already dispatched with %s %s".formatted(tracking.carrier(), tracking.trackingNumber()));
                }
            }
            case CANCELLED -> throw refused("was cancelled; it cannot be dispatched");
        }
    }

    /**
     * Notes that the shipment arrived. Delivering it again changes nothing.
     *
     * @throws IllegalShipmentTransitionException if it was not dispatched
     */
    public void deliver(Instant now) {
        switch (status) {
            case DISPATCHED -> {
                status = ShipmentStatus.DELIVERED;
                deliveredAt = now;
                events.add(new ShipmentEvent.Delivered(id, orderId));
            }
            case DELIVERED -> {
                // Already delivered: a repeat.
            }
            case ARRANGED -> throw refused("has not been dispatched; it cannot be delivered yet");
            case CANCELLED -> throw refused("was cancelled; it cannot be delivered");
        }
    }

    /**
     * Withdraws the shipment with its order. Cancelling it again changes nothing.
     *
     * @throws IllegalShipmentTransitionException once the carrier has it (see {@link #hasBeenDispatched()})
     */
    public void cancel(Instant now) {
        switch (status) {
            case ARRANGED -> {
                status = ShipmentStatus.CANCELLED;
                cancelledAt = now;
                events.add(new ShipmentEvent.Cancelled(id, orderId));
            }
            case CANCELLED -> {
                // Already cancelled: a repeat.
            }
            case DISPATCHED, DELIVERED -> throw refused("was dispatched; it can no longer be cancelled");
        }
    }

    /** Whether the carrier has the shipment (DISPATCHED or DELIVERED), so it can no longer be cancelled. */
    public boolean hasBeenDispatched() {
        return status == ShipmentStatus.DISPATCHED || status == ShipmentStatus.DELIVERED;
    }

    /** Whether the shipment belongs to that customer's order. */
    public boolean isFor(CustomerId customer) {
        return customerId.equals(customer);
    }

    /** The events recorded since the last call, oldest first. */
    public List<ShipmentEvent> pullEvents() {
        List<ShipmentEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public ShipmentId id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Address address() {
        return address;
    }

    public ShipmentStatus status() {
        return status;
    }

    public Optional<Tracking> tracking() {
        return Optional.ofNullable(tracking);
    }

    public Instant arrangedAt() {
        return arrangedAt;
    }

    public Optional<Instant> dispatchedAt() {
        return Optional.ofNullable(dispatchedAt);
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    private IllegalShipmentTransitionException refused(String reason) {
        return new IllegalShipmentTransitionException(id, status, "Shipment %s %s".formatted(id, reason));
    }

    @Override
    public String toString() {
        return "Shipment[%s for order %s: %s]".formatted(id, orderId, status);
    }
}
