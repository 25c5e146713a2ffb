package dev.kaimono.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for product request bodies as an administrator sends them. */
public final class ProductJson {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ProductJson() {
    }

    /** A valid yen-priced product with a SKU no other test uses. */
    public static ProductJson aProduct() {
        return new ProductJson()
                .with("sku", uniqueSku())
                .with("name", "Hojicha Roasted Green Tea ほうじ茶")
                .with("description", "Roasted over charcoal in Kyoto")
                .with("imageUrls", List.of("https://img.kaimono.dev/hojicha.jpg"))
                .with("price", "980")
                .with("currency", "JPY")
                .with("categories", List.of("Tea"))
                .with("attributes", Map.of("origin", "Kyoto", "weight", "100g"));
    }

    /** A product named and priced as given, in one category, otherwise like {@link #aProduct()}. */
    public static ProductJson aProduct(String name, String price, String... categories) {
        return aProduct().with("name", name).with("price", price).with("categories", List.of(categories))
                .with("description", "");
    }

    public static String uniqueSku() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public ProductJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public ProductJson without(String field) {
        fields.remove(field);
        return this;
    }

    public String sku() {
        return (String) fields.get("sku");
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
