package dev.kaimono.shipping.domain;

/** A shipment was asked to do something its lifecycle does not allow from where it is. */
public class IllegalShipmentTransitionException extends RuntimeException {

    private final ShipmentId shipmentId;
    private final ShipmentStatus status;

    IllegalShipmentTransitionException(ShipmentId shipmentId, ShipmentStatus status, String message) {
        super(message);
        this.shipmentId = shipmentId;
        this.status = status;
    }

    public ShipmentId shipmentId() {
        return shipmentId;
    }

    /** The status the shipment is in, which refused the change. */
    public ShipmentStatus status() {
        return status;
    }
}
