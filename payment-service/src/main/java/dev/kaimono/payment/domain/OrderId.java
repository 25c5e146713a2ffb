package dev.kaimono.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; order-service assigns it, payment-service charges each order at most once. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "An order id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
