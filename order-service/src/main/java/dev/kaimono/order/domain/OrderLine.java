package dev.kaimono.order.domain;

import java.util.Objects;

/**
 * A product in an order with the name and unit price copied from the catalog when the order was
 * placed (a snapshot: later catalog changes do not touch placed orders).
 */
public record OrderLine(ProductId productId, String productName, Money unitPrice, int quantity) {

    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (productName == null || productName.isBlank()) {
            throw new IllegalArgumentException("An order line names its product");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("A quantity is between 1 and %d: %d".formatted(MAX_QUANTITY, quantity));
        }
    }

    public Money subtotal() {
        return unitPrice.times(quantity);
    }
}
