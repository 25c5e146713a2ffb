package dev.kaimono.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Charge an order once; idempotent per order. Sent by the place-order saga.
 *
 * @param chargeBy when the saga stops waiting for this attempt: payment-service starts no charge it could not
 *        finish by then (the saga may have cancelled the order), so a command delivered late, after an outage,
 *        never charges a shopper whose order is gone. Absent in commands from before it existed: no limit.
 */
public record ProcessPayment(UUID orderId, UUID customerId, Money amount, String paymentMethod, Instant chargeBy) {

    public static final MessageType<ProcessPayment> TYPE = MessageType.command("payment.process-payment", 1, ProcessPayment.class);
}
