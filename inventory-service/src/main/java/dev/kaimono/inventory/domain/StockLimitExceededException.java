package dev.kaimono.inventory.domain;

/** A replenishment would take the stock on hand above {@link StockItem#MAX_ON_HAND}. */
public class StockLimitExceededException extends RuntimeException {

    public StockLimitExceededException(ProductId productId, int onHand, int quantity) {
        super("Product %s has %d units on hand; adding %d would exceed %d"
                .formatted(productId, onHand, quantity, StockItem.MAX_ON_HAND));
    }
}
