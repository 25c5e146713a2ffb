package dev.kaimono.catalog.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stock-keeping unit, the merchant's code for a product: 1 to 64 letters, digits, dots, dashes and
 * underscores, starting with a letter or digit. Unique in the catalog regardless of letter case and
 * width ({@code km-1}, {@code KM-1} and {@code ＫＭ－１} are one SKU), compared by {@link #key()}.
 */
public record Sku(String value) {

    /** The form of a SKU after NFKC normalization, also used to validate requests. */
    public static final String FORMAT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public Sku {
        if (value == null) {
            throw new IllegalArgumentException("A SKU is required");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("A SKU is 1 to 64 letters, digits, '.', '-' or '_': " + value);
        }
    }

    /** The SKU compared case-insensitively: what the unique index holds. */
    public String key() {
        return value.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
