package dev.kaimono.events;

import java.util.UUID;

/** A shipment was prepared for a confirmed order. Produced by shipping-service. */
public record ShipmentArranged(UUID shipmentId, UUID orderId) {

    public static final MessageType<ShipmentArranged> TYPE = MessageType.event("shipping.shipment-arranged", 1, ShipmentArranged.class);
}
