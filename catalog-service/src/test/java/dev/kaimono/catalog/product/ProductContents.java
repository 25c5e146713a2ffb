package dev.kaimono.catalog.product;

import java.util.List;
import java.util.Map;

/** Object mother: product content as an administrator would write it. */
final class ProductContents {

    private ProductContents() {
    }

    static ProductContent matchaLatte() {
        return new ProductContent(new Sku("TEA-MATCHA-LATTE"), "宇治抹茶ラテ Uji Matcha Latte", "Stone-ground matcha with milk",
                List.of("https://img.kaimono.dev/matcha-latte.jpg"), Price.of("1280", "JPY"), List.of("Tea", "Drinks"),
                Map.of("origin", "Uji", "volume", "350ml"));
    }

    static ProductContent matchaLatteCosting(String amount) {
        ProductContent content = matchaLatte();
        return new ProductContent(content.sku(), content.name(), content.description(), content.imageUrls(),
                Price.of(amount, "JPY"), content.categories(), content.attributes());
    }
}
