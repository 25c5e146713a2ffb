package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** Every line of an order is reserved (reply to reserve-stock). Produced by inventory-service. */
public record StockReserved(UUID orderId, List<OrderLine> lines) {

    public static final MessageType<StockReserved> TYPE = MessageType.event("inventory.stock-reserved", 1, StockReserved.class);

    public StockReserved {
        lines = List.copyOf(lines);
    }
}
