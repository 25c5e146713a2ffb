package dev.kaimono.order.domain;

/**
 * Why the order's rules refuse to place an order as it stands, one reason per broken rule. A caller maps each
 * reason to its answer (the API names the part of the request it concerns); the domain only says what is wrong.
 */
public sealed interface OrderRejection {

    /** What a shopper should read. */
    String message();

    /** An order has at least one line. */
    record NoLines() implements OrderRejection {
        @Override
        public String message() {
            return "An order has at least one line";
        }
    }

    /** An order has at most {@code max} lines. */
    record TooManyLines(int max) implements OrderRejection {
        @Override
        public String message() {
            return "An order has at most %d lines".formatted(max);
        }
    }

    /** The product of line {@code line} (from 0) is on an earlier line too. */
    record RepeatedProduct(int line, ProductId productId) implements OrderRejection {
        @Override
        public String message() {
            return "The product appears more than once; order it once with the total quantity";
        }
    }

    /** The lines are priced in more than one currency. */
    record MixedCurrencies() implements OrderRejection {
        @Override
        public String message() {
            return "The products are priced in different currencies; order them separately";
        }
    }
}
