package dev.kaimono.order.domain.saga;

import java.util.Locale;

/** What a saga step gives back when the order does not go through: held stock, or a captured payment. */
public enum Compensation {

    /** Stock held for the order is released. */
    STOCK,

    /** A captured payment is refunded. */
    PAYMENT;

    /** Its name as a metric tag ({@code kaimono.saga.compensations{step}}). */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
