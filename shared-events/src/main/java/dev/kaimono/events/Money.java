package dev.kaimono.events;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO-4217 currency; on the wire the amount is a JSON string, never a double. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("A currency is an ISO-4217 code such as JPY: " + currency);
        }
    }
}
