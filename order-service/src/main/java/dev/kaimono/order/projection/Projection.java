package dev.kaimono.order.projection;

import dev.kaimono.order.domain.Order;

/**
 * A read model kept from the event store. Each row is a function of its order's whole stream (the state
 * folded by the decider and the stream's version), so applying an order again, or its events in another
 * order, gives the same row: the projector may revisit orders freely.
 */
interface Projection {

    /** Name of the projection and of its checkpoint, e.g. {@code order_summary}. */
    String name();

    /** Writes the row of one order. */
    void project(Order order, long version);

    /** Empties the read model, before a rebuild. */
    void reset();
}
