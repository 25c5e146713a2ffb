package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** Reserve every line of an order, all or nothing; idempotent per order. Sent by the place-order saga. */
public record ReserveStock(UUID orderId, List<OrderLine> lines) {

    public static final MessageType<ReserveStock> TYPE = MessageType.command("inventory.reserve-stock", 1, ReserveStock.class);

    public ReserveStock {
        lines = List.copyOf(lines);
    }
}
