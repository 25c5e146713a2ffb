package dev.kaimono.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies the shopper who pays: the account id of user-service, the {@code sub} of their access token. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "A customer id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
