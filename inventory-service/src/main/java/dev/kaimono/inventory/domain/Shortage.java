package dev.kaimono.inventory.domain;

import java.util.Objects;

/** A line that could not be reserved: how many units were requested and how many were available then. */
public record Shortage(ProductId productId, int requested, int available) {

    public Shortage {
        Objects.requireNonNull(productId, "A shortage names its product");
        if (available < 0 || requested <= available) {
            throw new IllegalArgumentException("A shortage has 0 <= available < requested, not %d of %d (product %s)"
                    .formatted(available, requested, productId));
        }
    }
}
