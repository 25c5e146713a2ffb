package dev.kaimono.shipping.application;

import java.util.Optional;
import java.util.UUID;

import dev.kaimono.shipping.domain.CustomerId;
import dev.kaimono.shipping.domain.Shipment;

/**
 * Who is reading shipments: a shopper sees the shipments of their own orders, an administrator sees
 * every shipment.
 *
 * @param subject the verified subject of the caller's access token (an account id)
 * @param administrator whether the caller has the role ADMIN
 */
public record Viewer(String subject, boolean administrator) {

    boolean maySee(Shipment shipment) {
        return administrator || customer().map(shipment::isFor).orElse(false);
    }

    private Optional<CustomerId> customer() {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CustomerId(UUID.fromString(subject)));
        } catch (IllegalArgumentException notAnAccountId) {
            return Optional.empty();
        }
    }
}
