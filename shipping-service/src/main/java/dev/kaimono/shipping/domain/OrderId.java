package dev.kaimono.shipping.domain;

import java.util.Objects;
import java.util.UUID;

/** The order-service order a shipment fulfils. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "An order id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
