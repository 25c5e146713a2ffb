package dev.kaimono.inventory.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a product; the catalog assigns it, inventory keeps one stock item per product. */
public record ProductId(UUID value) implements Comparable<ProductId> {

    public ProductId {
        Objects.requireNonNull(value, "A product id needs a value");
    }

    @Override
    public int compareTo(ProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
