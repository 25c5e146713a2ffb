package dev.kaimono.inventory.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; order-service assigns it, inventory keeps at most one reservation per order. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "An order id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
