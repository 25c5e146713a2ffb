package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** An order could not be reserved; nothing was held (reply to reserve-stock). Produced by inventory-service. */
public record StockReservationFailed(UUID orderId, List<ShortLine> shortLines) {

    public static final MessageType<StockReservationFailed> TYPE = MessageType.event("inventory.stock-reservation-failed", 1, StockReservationFailed.class);

    public StockReservationFailed {
        shortLines = List.copyOf(shortLines);
    }
}
