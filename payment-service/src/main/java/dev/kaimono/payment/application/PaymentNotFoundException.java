package dev.kaimono.payment.application;

import dev.kaimono.payment.domain.OrderId;

/** No payment of this order that the caller may see: none exists, or it is someone else's. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(OrderId orderId) {
        super("No payment of order " + orderId);
    }
}
