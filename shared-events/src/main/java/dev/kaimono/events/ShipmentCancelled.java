package dev.kaimono.events;

import java.util.UUID;

/** An undispatched shipment was cancelled with its order. Produced by shipping-service. */
public record ShipmentCancelled(UUID shipmentId, UUID orderId) {

    public static final MessageType<ShipmentCancelled> TYPE = MessageType.event("shipping.shipment-cancelled", 1, ShipmentCancelled.class);
}
