package dev.kaimono.shipping.application;

/** No shipment matches, or none the caller may see: both look the same from outside. */
public class ShipmentNotFoundException extends RuntimeException {

    ShipmentNotFoundException(String message) {
        super(message);
    }
}
