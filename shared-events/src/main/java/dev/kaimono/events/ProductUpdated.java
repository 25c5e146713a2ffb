package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** A product's details or price changed. Produced by catalog-service. */
public record ProductUpdated(UUID productId, String sku, String name, Money price, List<String> categories, long version) {

    public static final MessageType<ProductUpdated> TYPE = MessageType.event("catalog.product-updated", 1, ProductUpdated.class);

    public ProductUpdated {
        categories = List.copyOf(categories);
    }
}
