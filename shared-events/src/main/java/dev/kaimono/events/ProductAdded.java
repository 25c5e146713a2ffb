package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** An administrator added a product to the catalog. Produced by catalog-service; inventory creates its stock item. */
public record ProductAdded(UUID productId, String sku, String name, Money price, List<String> categories) {

    public static final MessageType<ProductAdded> TYPE = MessageType.event("catalog.product-added", 1, ProductAdded.class);

    public ProductAdded {
        categories = List.copyOf(categories);
    }
}
