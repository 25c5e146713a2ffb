package dev.kaimono.inventory.application;

import java.util.UUID;

import dev.kaimono.inventory.domain.StockItem;

/** How much of a product is on hand, reserved for orders, and still available to order. */
public record Availability(UUID productId, int onHand, int reserved, int available) {

    static Availability of(StockItem item) {
        return new Availability(item.productId().value(), item.onHand(), item.reserved(), item.available());
    }
}
