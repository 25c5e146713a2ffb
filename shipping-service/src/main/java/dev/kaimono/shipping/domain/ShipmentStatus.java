package dev.kaimono.shipping.domain;

/** Where a shipment is in its lifecycle; see {@link Shipment}. */
public enum ShipmentStatus {
    /** Prepared for a confirmed order, waiting for the carrier. */
    ARRANGED,
    /** Handed to a carrier, with a tracking number. */
    DISPATCHED,
    /** Arrived at its address. Final. */
    DELIVERED,
    /** Withdrawn with its order before it was dispatched. Final. */
    CANCELLED
}
