package dev.kaimono.shipping.domain;

import java.time.Instant;
import java.util.UUID;

/** Shipments in each status, and the values they are made of. */
final class ShipmentMother {

    static final Instant ARRANGED_AT = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant DISPATCHED_AT = Instant.parse("2026-11-26T15:00:00Z");
    static final Instant DELIVERED_AT = Instant.parse("2026-11-27T11:00:00Z");
    static final Instant CANCELLED_AT = Instant.parse("2026-11-26T10:00:00Z");

    private ShipmentMother() {
    }

    static Address anAddress() {
        return new Address("Ann Lee", "1-2-3 Jingumae", "Tokyo", "150-0001", "JP");
    }

    static Tracking yamatoTracking() {
        return new Tracking("Yamato", "4242-0000-1111");
    }

    static Tracking sagawaTracking() {
        return new Tracking("Sagawa", "3690-1234-5678");
    }

    static OrderId anOrder() {
        return new OrderId(UUID.randomUUID());
    }

    static CustomerId aCustomer() {
        return new CustomerId(UUID.randomUUID());
    }

    /** Freshly arranged, with its {@code Arranged} event already pulled. */
    static Shipment anArrangedShipment() {
        Shipment shipment = Shipment.arrange(anOrder(), aCustomer(), anAddress(), ARRANGED_AT);
        shipment.pullEvents();
        return shipment;
    }

    static Shipment aDispatchedShipment() {
        return Shipment.restore(ShipmentId.random(), anOrder(), aCustomer(), anAddress(), ShipmentStatus.DISPATCHED,
                yamatoTracking(), ARRANGED_AT, DISPATCHED_AT, null, null);
    }

    static Shipment aDeliveredShipment() {
        return Shipment.restore(ShipmentId.random(), anOrder(), aCustomer(), anAddress(), ShipmentStatus.DELIVERED,
                yamatoTracking(), ARRANGED_AT, DISPATCHED_AT, DELIVERED_AT, null);
    }

    static Shipment aCancelledShipment() {
        return Shipment.restore(ShipmentId.random(), anOrder(), aCustomer(), anAddress(), ShipmentStatus.CANCELLED,
                null, ARRANGED_AT, null, null, CANCELLED_AT);
    }

    static Shipment inStatus(ShipmentStatus status) {
        return switch (status) {
            case ARRANGED -> anArrangedShipment();
            case DISPATCHED -> aDispatchedShipment();
            case DELIVERED -> aDeliveredShipment();
            case CANCELLED -> aCancelledShipment();
        };
    }
}
