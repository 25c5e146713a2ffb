package dev.kaimono.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An exact amount in an ISO-4217 currency. Amounts keep the scale they were given: {@code 2560} stays {@code 2560}. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "Money needs an amount");
        Objects.requireNonNull(currency, "Money needs a currency");
    }

    /** @throws IllegalArgumentException if the currency is not an ISO-4217 code */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Compares by value, so {@code 10.0} and {@code 10} are the same amount; both must be in one currency. */
    public boolean isGreaterThan(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("Cannot compare %s with %s".formatted(this, other));
        }
        return amount.compareTo(other.amount) > 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
