package dev.kaimono.catalog.product.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kaimono.catalog.product.Product;
import dev.kaimono.catalog.product.ProductContent;
import dev.kaimono.catalog.product.ProductStatus;

/** A product on the wire (ARCHITECTURE §4); the price is a decimal string in the currency's scale. */
record ProductResponse(UUID id, String sku, String name, String description, String price, String currency,
        List<String> categories, ProductStatus status, List<String> imageUrls, Map<String, String> attributes,
        long version, Instant createdAt, Instant updatedAt) {

    static ProductResponse of(Product product) {
        ProductContent content = product.content();
        return new ProductResponse(product.id(), content.sku().value(), content.name(), content.description(),
                content.price().amountText(), content.price().currency().getCurrencyCode(), content.categories(),
                product.status(), content.imageUrls(), content.attributes(), product.version(), product.createdAt(),
                product.updatedAt());
    }
}
