package dev.kaimono.events;

import java.util.UUID;

/** Give back an order's reservation; idempotent per order. Sent by the place-order saga. */
public record ReleaseStock(UUID orderId) {

    public static final MessageType<ReleaseStock> TYPE = MessageType.command("inventory.release-stock", 1, ReleaseStock.class);
}
