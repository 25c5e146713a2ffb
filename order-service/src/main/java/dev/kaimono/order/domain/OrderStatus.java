package dev.kaimono.order.domain;

/** Where an order is in its lifecycle, as a shopper sees it (ARCHITECTURE §3). */
public enum OrderStatus {
    /** Placed; the place-order saga is reserving stock and taking payment. */
    PENDING,
    /** Stock reserved and payment captured; fulfilment starts. */
    CONFIRMED,
    /** Handed to the carrier; can no longer be cancelled. */
    SHIPPED,
    /** Reached the shopper. */
    DELIVERED,
    /** Given up; see {@link CancellationReason}. */
    CANCELLED;

    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
