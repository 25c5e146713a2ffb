package dev.kaimono.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a payment; payment-service assigns it when an order's charge is first requested. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "A payment id needs a value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
