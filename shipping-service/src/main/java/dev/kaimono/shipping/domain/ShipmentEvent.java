package dev.kaimono.shipping.domain;

/**
 * What happened to a shipment, recorded by the aggregate. The messaging adapter turns these into
 * integration events; they are not the contracts themselves.
 */
public sealed interface ShipmentEvent {

    ShipmentId shipmentId();

    OrderId orderId();

    /** A shipment was prepared for a confirmed order. */
    record Arranged(ShipmentId shipmentId, OrderId orderId) implements ShipmentEvent {
    }

    /** A shipment was handed to a carrier. */
    record Dispatched(ShipmentId shipmentId, OrderId orderId, Tracking tracking) implements ShipmentEvent {
    }

    /** A shipment arrived. */
    record Delivered(ShipmentId shipmentId, OrderId orderId) implements ShipmentEvent {
    }

    /** An undispatched shipment was withdrawn with its order. */
    record Cancelled(ShipmentId shipmentId, OrderId orderId) implements ShipmentEvent {
    }
}
