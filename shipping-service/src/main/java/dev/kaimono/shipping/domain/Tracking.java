package dev.kaimono.shipping.domain;

/** The carrier a shipment was handed to and the number under which that carrier tracks it. */
public record Tracking(String carrier, String trackingNumber) {

    public static final int MAX_CARRIER_LENGTH = 100;
    public static final int MAX_TRACKING_NUMBER_LENGTH = 64;

    public Tracking {
        carrier = required(carrier, "carrier", MAX_CARRIER_LENGTH);
        trackingNumber = required(trackingNumber, "tracking number", MAX_TRACKING_NUMBER_LENGTH);
    }

    private static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A dispatched shipment needs a " + what);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException("A %s has at most %d characters".formatted(what, maxLength));
        }
        return stripped;
    }
}
