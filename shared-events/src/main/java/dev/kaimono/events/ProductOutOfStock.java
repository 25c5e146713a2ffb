package dev.kaimono.events;

import java.util.UUID;

/** Availability of a product reached zero. Produced by inventory-service. */
public record ProductOutOfStock(UUID productId) {

    public static final MessageType<ProductOutOfStock> TYPE = MessageType.event("inventory.product-out-of-stock", 1, ProductOutOfStock.class);
}
