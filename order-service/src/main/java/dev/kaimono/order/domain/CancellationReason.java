package dev.kaimono.order.domain;

/** Why an order was cancelled. The first three end a pending order; the last a confirmed one. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    TIMED_OUT,
    CUSTOMER_REQUEST;

    /** Whether the place-order saga gives this reason (as opposed to the shopper). */
    public boolean endsPlacement() {
        return this != CUSTOMER_REQUEST;
    }
}
