package dev.kaimono.catalog.product.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kaimono.catalog.product.Product;
import dev.kaimono.catalog.product.ProductContent;
import dev.kaimono.catalog.product.ProductStatus;

/**
 * A product on the wire (ARCHITECTURE §4); the price is a decimal string in the currency's scale. {@code ratingCount}
 * reviews are shown, {@code ratingAverage} is their average rating (1 to 5, two decimals), null while there are none.
 */
record ProductResponse(UUID id, String sku, String name, String description, String price, String currency,
        List<String> categories, ProductStatus status, List<String> imageUrls, Map<String, String> attributes,
        long version, Instant createdAt, Instant updatedAt, int ratingCount, BigDecimal ratingAverage) {

    static ProductResponse of(Product product) {
        ProductContent content = product.content();
        return new ProductResponse(product.id(), content.sku().value(), content.name(), content.description(),
                content.price().amountText(), content.price().currency().getCurrencyCode(), content.categories(),
                product.status(), content.imageUrls(), content.attributes(), product.version(), product.createdAt(),
                product.updatedAt(), product.rating().count(), product.rating().average());
    }
}
