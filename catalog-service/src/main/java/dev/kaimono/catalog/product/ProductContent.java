package dev.kaimono.catalog.product;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.kaimono.catalog.search.SearchTokens;

/**
 * What an administrator writes about a product: everything but its identity, status and history.
 * Names and descriptions are trimmed; categories are tags, kept NFKC-normalized and lower-case without
 * duplicates (so {@code Tea} and {@code tea} are one category); attributes are sorted by name. A blank
 * name or category is refused naming the field.
 */
public record ProductContent(Sku sku, String name, String description, List<String> imageUrls, Price price,
        List<String> categories, Map<String, String> attributes) {

    public ProductContent {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        if (name == null || name.isBlank()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("name", "must not be blank")));
        }
        name = name.strip();
        description = description == null ? "" : description.strip();
        imageUrls = imageUrls == null ? List.of() : imageUrls.stream().map(String::strip).toList();
        categories = categories == null ? List.of() : normalizedCategories(categories);
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** A category as it is stored and matched: NFKC, lower case, single spaces. */
    public static String normalizedCategory(String category) {
        return SearchTokens.normalize(category).strip().replaceAll("\\s+", " ");
    }

    private static List<String> normalizedCategories(List<String> categories) {
        List<String> normalized = new ArrayList<>();
        for (String category : categories) {
            String value = normalizedCategory(category);
            if (value.isEmpty()) {
                throw new InvalidFieldsException(List.of(new FieldProblem("categories", "must not be blank")));
            }
            if (!normalized.contains(value)) {
                normalized.add(value);
            }
        }
        return List.copyOf(normalized);
    }
}
