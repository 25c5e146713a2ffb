package dev.kaimono.order.application;

import java.util.List;

import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;

/** Where orders are kept as their events, with optimistic concurrency per order. */
public interface OrderEventStore {

    /** The order's events in version order (an empty stream if there are none). */
    EventStream load(OrderId orderId);

    /**
     * Appends events after {@code expectedVersion}, in the caller's transaction.
     *
     * @throws ConcurrencyConflictException if another writer appended after {@code expectedVersion} first;
     *         the transaction can no longer commit and the command must be retried in a new one
     */
    void append(OrderId orderId, long expectedVersion, List<OrderEvent> events);

    /** The version of the order's last event, 0 if it has none. */
    long version(OrderId orderId);
}
