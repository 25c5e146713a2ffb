package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** An order's reservation was given back (release-stock, expiry or cancellation). Produced by inventory-service. */
public record StockReleased(UUID orderId, List<OrderLine> lines) {

    public static final MessageType<StockReleased> TYPE = MessageType.event("inventory.stock-released", 1, StockReleased.class);

    public StockReleased {
        lines = List.copyOf(lines);
    }
}
