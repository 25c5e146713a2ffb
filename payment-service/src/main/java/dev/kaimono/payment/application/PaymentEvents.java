package dev.kaimono.payment.application;

import dev.kaimono.payment.domain.PaymentEvent;

/** Tells other services what happened to a payment; called inside the transaction that stores the change. */
public interface PaymentEvents {

    void publish(PaymentEvent event);
}
