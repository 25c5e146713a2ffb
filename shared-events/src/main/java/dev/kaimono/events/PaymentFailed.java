package dev.kaimono.events;

import java.util.UUID;

/** An order's payment was declined or failed; nothing was captured. Produced by payment-service. */
public record PaymentFailed(UUID orderId, String reason) {

    public static final MessageType<PaymentFailed> TYPE = MessageType.event("payment.failed", 1, PaymentFailed.class);
}
