package dev.kaimono.events;

import java.util.UUID;

/** Charge an order once; idempotent per order. Sent by the place-order saga. */
public record ProcessPayment(UUID orderId, UUID customerId, Money amount, String paymentMethod) {

    public static final MessageType<ProcessPayment> TYPE = MessageType.command("payment.process-payment", 1, ProcessPayment.class);
}
