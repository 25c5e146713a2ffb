package dev.kaimono.shipping.domain;

/**
 * Where a shipment goes: a snapshot of the order's shipping address taken when the shipment was
 * arranged, so a later change elsewhere never redirects a parcel.
 */
public record Address(String name, String line1, String city, String postalCode, String country) {

    public Address {
        name = required(name, "name");
        line1 = required(line1, "line1");
        city = required(city, "city");
        postalCode = required(postalCode, "postalCode");
        country = required(country, "country");
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A shipping address needs a " + field);
        }
        return value.strip();
    }
}
