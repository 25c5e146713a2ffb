package dev.kaimono.events;

import java.util.UUID;

/** A shipment was delivered. Produced by shipping-service. */
public record ShipmentDelivered(UUID shipmentId, UUID orderId) {

    public static final MessageType<ShipmentDelivered> TYPE = MessageType.event("shipping.shipment-delivered", 1, ShipmentDelivered.class);
}
