package dev.kaimono.order.domain;

import java.util.Objects;
import java.util.UUID;

/** A catalog product, as an order refers to it. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
