package dev.kaimono.shipping.domain;

import java.util.Objects;
import java.util.UUID;

/** The shopper (user-service account) who placed the order, and so owns its shipment. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "A customer id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
