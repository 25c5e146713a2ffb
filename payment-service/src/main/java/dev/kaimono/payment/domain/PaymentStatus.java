package dev.kaimono.payment.domain;

/** Where a payment is in its lifecycle; see {@link Payment}. */
public enum PaymentStatus {

    /** Recorded; the provider has not answered yet (or its answer is not recorded yet). */
    PENDING,
    /** The provider captured the amount: what {@code payment.completed} announces. */
    COMPLETED,
    /** The provider declined the charge, or could not be reached; nothing was captured. */
    FAILED,
    /** A refund of the captured amount was decided and is being carried out with the provider. */
    REFUNDING,
    /** The refund went through; nothing more can happen. */
    REFUNDED;

    /** Whether the provider still has to be asked something: the charge, or the refund. */
    public boolean awaitsProvider() {
        return this == PENDING || this == REFUNDING;
    }
}
