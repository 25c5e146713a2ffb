package dev.kaimono.inventory.domain;

/** A count of stock on hand below what is already reserved for orders: it would oversell. */
public class StockBelowReservedException extends RuntimeException {

    public StockBelowReservedException(ProductId productId, int counted, int reserved) {
        super("Product %s has %d units reserved for orders; its stock on hand cannot be set to %d"
                .formatted(productId, reserved, counted));
    }
}
