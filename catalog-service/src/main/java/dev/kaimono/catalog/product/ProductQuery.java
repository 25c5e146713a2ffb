package dev.kaimono.catalog.product;

import java.util.Objects;

/**
 * A shopper's search: free text (matched by {@code SearchTokens}), an optional category, one page of a
 * given size in a given order. Only {@link ProductStatus#ACTIVE} products are found.
 */
public record ProductQuery(String text, String category, ProductSort sort, int page, int size) {

    public static final int MAX_SIZE = 100;

    public ProductQuery {
        Objects.requireNonNull(sort, "sort");
        if (page < 0) {
            throw new IllegalArgumentException("Pages start at 0: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to %d products: %d".formatted(MAX_SIZE, size));
        }
        text = text == null ? "" : text.strip();
        category = category == null || category.isBlank() ? null : ProductContent.normalizedCategory(category);
    }
}
