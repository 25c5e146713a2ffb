package dev.kaimono.catalog.product;

import java.util.List;
import java.util.UUID;

/**
 * What happened to a product, as recorded by the {@link Product} aggregate. Mapped to the published
 * integration events ({@code catalog.product-*}) by {@code IntegrationEvents}, so a change here never
 * breaks a consumer by accident.
 */
public sealed interface ProductEvent {

    UUID productId();

    /** A product was listed. */
    record Added(UUID productId, Sku sku, String name, Price price, List<String> categories) implements ProductEvent {
    }

    /** A product's content changed; {@code version} is the product's version after the change. */
    record Updated(UUID productId, Sku sku, String name, Price price, List<String> categories, long version)
            implements ProductEvent {
    }

    /** A product is no longer sold. */
    record Discontinued(UUID productId, Sku sku) implements ProductEvent {
    }
}
