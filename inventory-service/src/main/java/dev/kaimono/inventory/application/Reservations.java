package dev.kaimono.inventory.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.Reservation;

/** Where reservations are kept, one per order. {@code lock} holds a reservation until the transaction ends. */
public interface Reservations {

    Optional<Reservation> find(OrderId orderId);

    Optional<Reservation> lock(OrderId orderId);

    /**
     * Locks up to {@code limit} held reservations that are due at {@code now}, skipping those another
     * transaction holds, so several instances expiring at once never take the same one.
     */
    List<Reservation> lockDue(Instant now, int limit);

    /** Stores a new reservation; an order has at most one. */
    void add(Reservation reservation);

    /** Stores the status (and lines, if it had none) of reservations that were locked and changed. */
    void update(Collection<Reservation> reservations);
}
