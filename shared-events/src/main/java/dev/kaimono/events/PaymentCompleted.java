package dev.kaimono.events;

import java.util.UUID;

/** An order's payment was captured (reply to process-payment). Produced by payment-service. */
public record PaymentCompleted(UUID orderId, UUID paymentId, Money amount) {

    public static final MessageType<PaymentCompleted> TYPE = MessageType.event("payment.completed", 1, PaymentCompleted.class);
}
