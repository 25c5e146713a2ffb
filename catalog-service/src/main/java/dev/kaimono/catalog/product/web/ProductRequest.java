package dev.kaimono.catalog.product.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.kaimono.catalog.product.Price;
import dev.kaimono.catalog.product.ProductContent;
import dev.kaimono.catalog.product.Sku;

/**
 * A product as an administrator sends it, to add it ({@code POST}) or to replace its content
 * ({@code PUT}, with the {@code version} it is based on, or an {@code If-Match} header).
 * The price is a decimal string, e.g. {@code "1280"} (JPY) or {@code "12.50"} (EUR).
 */
@ValidPrice
record ProductRequest(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = Sku.FORMAT, message = "must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit")
        String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 10)
        List<@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String> imageUrls,
        @NotBlank String price,
        @NotBlank String currency,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> categories,
        @Size(max = 50)
        Map<@Pattern(regexp = ATTRIBUTE_NAME, message = "must be 1 to 64 characters, without '.' and not starting with '$'") String,
                @NotNull @Size(max = 500) String> attributes,
        @Positive Long version) {

    /** MongoDB field names may not contain dots or start with {@code $}. */
    static final String ATTRIBUTE_NAME = "[^.$\\p{Cntrl}][^.\\p{Cntrl}]{0,63}";

    ProductContent content() {
        return new ProductContent(new Sku(sku), name, description, imageUrls, Price.of(price, currency), categories, attributes);
    }
}
