package dev.kaimono.events;

import java.util.UUID;

/** A captured payment was refunded. Produced by payment-service. */
public record PaymentRefunded(UUID orderId, UUID paymentId, Money amount) {

    public static final MessageType<PaymentRefunded> TYPE = MessageType.event("payment.refunded", 1, PaymentRefunded.class);
}
