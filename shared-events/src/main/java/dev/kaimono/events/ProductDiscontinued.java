package dev.kaimono.events;

import java.util.UUID;

/** A product can no longer be ordered. Produced by catalog-service. */
public record ProductDiscontinued(UUID productId, String sku) {

    public static final MessageType<ProductDiscontinued> TYPE = MessageType.event("catalog.product-discontinued", 1, ProductDiscontinued.class);
}
