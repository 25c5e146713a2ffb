package dev.kaimono.shipping.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a shipment. */
public record ShipmentId(UUID value) {

    public ShipmentId {
        Objects.requireNonNull(value, "A shipment id needs a value");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
