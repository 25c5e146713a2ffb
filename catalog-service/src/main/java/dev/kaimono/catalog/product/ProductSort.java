package dev.kaimono.catalog.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a product list can have: by name (case-insensitive), price, creation time or average rating (more
 * reviews first among equal averages; unrated products count as the lowest), either way.
 */
public record ProductSort(Field field, boolean ascending) {

    public static final ProductSort DEFAULT = new ProductSort(Field.NAME, true);

    /** What products can be sorted by, with the name clients use. */
    public enum Field {
        NAME("name"), PRICE("price"), CREATED_AT("createdAt"), RATING("rating");

        private final String parameter;

        Field(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** Reads {@code field} or {@code field,asc|desc} as in {@code sort=price,desc}; empty if it is neither. */
    public static Optional<ProductSort> parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<Field> field = Arrays.stream(Field.values()).filter(candidate -> candidate.parameter.equals(parts[0])).findFirst();
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(new ProductSort(field.get(), true));
        }
        return switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> Optional.of(new ProductSort(field.get(), true));
            case "desc" -> Optional.of(new ProductSort(field.get(), false));
            default -> Optional.empty();
        };
    }
}
