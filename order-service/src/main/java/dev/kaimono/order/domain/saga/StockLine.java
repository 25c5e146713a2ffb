package dev.kaimono.order.domain.saga;

import java.util.Objects;

import dev.kaimono.order.domain.ProductId;

/** A quantity of one product the saga asks inventory to hold. */
public record StockLine(ProductId productId, int quantity) {

    public StockLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("A quantity is positive: " + quantity);
        }
    }
}
