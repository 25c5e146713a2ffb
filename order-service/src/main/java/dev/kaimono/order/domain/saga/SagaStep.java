package dev.kaimono.order.domain.saga;

/** Where a place-order saga is. The first two wait for a reply and have a deadline; the last two are final. */
public enum SagaStep {
    AWAITING_STOCK,
    AWAITING_PAYMENT,
    COMPLETED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
