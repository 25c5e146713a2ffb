package dev.kaimono.order.domain;

import java.util.regex.Pattern;

/**
 * How the shopper pays, as the payment provider names it (a token such as {@code pm_card_visa}): letters, digits,
 * {@code _} and {@code -}, at most {@value #MAX_LENGTH} characters. Only the provider knows what it means; the order
 * keeps it to send with every charge.
 */
public record PaymentMethod(String value) {

    /** Most characters a payment method has. */
    public static final int MAX_LENGTH = 64;

    /** The characters it may contain (for request validation, which reports them before one is made). */
    public static final String ALLOWED = "[A-Za-z0-9_-]*";

    private static final Pattern SHAPE = Pattern.compile(ALLOWED);

    public PaymentMethod {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An order names its payment method");
        }
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("A payment method is up to %d letters, digits, _ and -: %s"
                    .formatted(MAX_LENGTH, value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
