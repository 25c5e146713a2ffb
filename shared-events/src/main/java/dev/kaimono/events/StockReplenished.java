package dev.kaimono.events;

import java.util.UUID;

/** An administrator set or raised the stock on hand of a product. Produced by inventory-service. */
public record StockReplenished(UUID productId, int onHand, int available) {

    public static final MessageType<StockReplenished> TYPE = MessageType.event("inventory.stock-replenished", 1, StockReplenished.class);
}
