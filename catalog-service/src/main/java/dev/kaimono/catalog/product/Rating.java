package dev.kaimono.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What shoppers' reviews make of a product: how many are shown and their average rating (two decimals), and the
 * revision of this figure, which grows with every recount (it tells a response's ETag that the rating changed).
 *
 * @param average null while no review is shown
 */
public record Rating(int count, BigDecimal average, long revision) {

    public static final Rating NONE = new Rating(0, null, 0);

    public Rating {
        if (count < 0 || revision < 0) {
            throw new IllegalArgumentException("A rating counts from 0: " + count + " reviews, revision " + revision);
        }
        if ((count == 0) != (average == null)) {
            throw new IllegalArgumentException("An average needs reviews and reviews an average: " + count + ", " + average);
        }
    }

    /** The shown reviews of a product as counted from the reviews themselves. */
    public record Tally(int count, long sum) {
    }

    /** The rating of {@code count} shown reviews whose ratings add up to {@code sum}. */
    public static Rating of(int count, long sum, long revision) {
        return new Rating(count, count == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), revision);
    }
}
