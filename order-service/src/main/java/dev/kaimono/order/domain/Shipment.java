package dev.kaimono.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The shipment that carries an order, as shipping-service reported it; carrier and tracking may be unknown. */
public record Shipment(UUID shipmentId, String carrier, String trackingNumber) {

    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
    }
}
