package dev.kaimono.inventory.application;

import dev.kaimono.inventory.domain.ProductId;

/** Inventory keeps no stock for this product (the catalog has not announced it, nor has an administrator counted it). */
public class StockItemNotFoundException extends RuntimeException {

    public StockItemNotFoundException(ProductId productId) {
        super("Inventory keeps no stock for product " + productId);
    }
}
