package dev.kaimono.events;

import java.util.UUID;

/** A shipment was handed to the carrier. Produced by shipping-service. */
public record ShipmentDispatched(UUID shipmentId, UUID orderId, String carrier, String trackingNumber) {

    public static final MessageType<ShipmentDispatched> TYPE = MessageType.event("shipping.shipment-dispatched", 1, ShipmentDispatched.class);
}
