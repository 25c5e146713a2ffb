package dev.kaimono.catalog.product;

import java.util.UUID;

/** A change to a product that is no longer sold (answered 409). */
public class DiscontinuedProductException extends RuntimeException {

    public DiscontinuedProductException(UUID productId) {
        super("Product %s is discontinued and can no longer be changed".formatted(productId));
    }
}
