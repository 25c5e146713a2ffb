package dev.kaimono.events;

import java.util.UUID;

/** Refund an order's captured payment; idempotent per order. Sent by the place-order saga. */
public record RefundPayment(UUID orderId, Money amount) {

    public static final MessageType<RefundPayment> TYPE = MessageType.command("payment.refund-payment", 1, RefundPayment.class);
}
