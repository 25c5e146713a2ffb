package dev.kaimono.order.domain;

/** Where an order goes; {@code country} is an ISO-3166 alpha-2 code. */
public record ShippingAddress(String name, String line1, String city, String postalCode, String country) {

    public ShippingAddress {
        requireText(name, "name");
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(postalCode, "postalCode");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("A country is an ISO-3166 alpha-2 code: " + country);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A shipping address needs a " + field);
        }
    }
}
