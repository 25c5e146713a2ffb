package dev.kaimono.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import dev.kaimono.catalog.outbox.PendingEvent;
import dev.kaimono.catalog.search.SearchTokens;

/**
 * A product as stored in the {@value #COLLECTION} collection. Besides the product it holds what the
 * store needs: {@code skuKey} (unique), {@code nameKey} (sorting), {@code searchTokens} (search), and
 * the events not yet published ({@code pendingEvents}, the outbox), and the rating's count, sum, average (sorting) and
 * revision. Prices are Decimal128, so they sort
 * numerically and keep their exact value.
 */
@Document(ProductDocument.COLLECTION)
record ProductDocument(
        @Id String id,
        String sku,
        String skuKey,
        String name,
        String nameKey,
        String description,
        List<String> imageUrls,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal price,
        String currency,
        List<String> categories,
        Map<String, String> attributes,
        ProductStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<String> searchTokens,
        Integer ratingCount,
        Long ratingSum,
        Long ratingRevision,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal ratingAverage,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "products";

    /** The new document of a product, with the events of its creation pending. */
    static ProductDocument of(Product product, List<PendingEvent> events) {
        ProductContent content = product.content();
        return new ProductDocument(product.id().toString(), content.sku().value(), content.sku().key(), content.name(),
                nameKey(content.name()), content.description(), content.imageUrls(), content.price().amount(),
                content.price().currency().getCurrencyCode(), content.categories(), content.attributes(), product.status(),
                product.version(), product.createdAt(), product.updatedAt(), searchTokens(content), 0, 0L, 0L, null, events);
    }

    Product toProduct() {
        ProductContent content = new ProductContent(new Sku(sku), name, description, imageUrls,
                new Price(price, Currency.getInstance(currency)), categories, attributes);
        return Product.restore(UUID.fromString(id), content, status, version, createdAt, updatedAt,
                Rating.of(orZero(ratingCount), orZero(ratingSum), orZero(ratingRevision)));
    }

    /** Products stored before reviews existed have no rating fields. */
    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** Names sort case-insensitively and width-insensitively. */
    static String nameKey(String name) {
        return SearchTokens.normalize(name);
    }

    static List<String> searchTokens(ProductContent content) {
        return SearchTokens.forProduct(content.name(), content.sku().value(), content.categories(), content.description());
    }
}
