package dev.kaimono.shipping.web;

import java.time.Instant;
import java.util.UUID;

import dev.kaimono.shipping.domain.Address;
import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentStatus;
import dev.kaimono.shipping.domain.Tracking;

/** A shipment as clients see it; carrier, tracking number and the step times are null until they happen. */
record ShipmentResponse(UUID id, UUID orderId, UUID customerId, ShipmentStatus status, String carrier,
        String trackingNumber, AddressResponse shippingAddress, Instant arrangedAt, Instant dispatchedAt,
        Instant deliveredAt, Instant cancelledAt) {

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(shipment.id().value(), shipment.orderId().value(), shipment.customerId().value(),
                shipment.status(), shipment.tracking().map(Tracking::carrier).orElse(null),
                shipment.tracking().map(Tracking::trackingNumber).orElse(null), AddressResponse.of(shipment.address()),
                shipment.arrangedAt(), shipment.dispatchedAt().orElse(null), shipment.deliveredAt().orElse(null),
                shipment.cancelledAt().orElse(null));
    }

    record AddressResponse(String name, String line1, String city, String postalCode, String country) {

        static AddressResponse of(Address address) {
            return new AddressResponse(address.name(), address.line1(), address.city(), address.postalCode(),
                    address.country());
        }
    }
}
