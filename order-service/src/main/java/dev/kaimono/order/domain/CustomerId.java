package dev.kaimono.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The shopper who placed an order: the account id of user-service (the token's subject). */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
