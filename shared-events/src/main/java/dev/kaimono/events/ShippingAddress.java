package dev.kaimono.events;

/** Where an order goes. */
public record ShippingAddress(String name, String line1, String city, String postalCode, String country) {
}
