package dev.kaimono.catalog.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.kaimono.catalog.product.FieldProblem;
import dev.kaimono.catalog.product.InvalidFieldsException;

/**
 * A shopper's review of one product: a rating from 1 to 5 and a text of at most {@value #MAX_TEXT} characters
 * (counted as characters people see, so Japanese counts one per character and an emoji one), possibly empty.
 * One per shopper and product; the version grows with every change.
 */
public record Review(UUID id, UUID productId, UUID customerId, int rating, String text, ReviewState state, long version,
        Instant createdAt, Instant updatedAt) {

    public static final int MAX_TEXT = 2_000;

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(state, "state");
        text = text == null ? "" : text.strip();
        check(rating, text);
    }

    /** Refuses a rating outside 1 to 5 or a text that is too long, naming both at once. */
    static void check(int rating, String text) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (rating < 1 || rating > 5) {
            problems.add(new FieldProblem("rating", "must be a whole number from 1 to 5"));
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    boolean shown() {
        return state == ReviewState.SHOWN;
    }

    Review rewritten(int newRating, String newText, ReviewState newState, Instant now) {
        return new Review(id, productId, customerId, newRating, newText, newState, version + 1, createdAt, now);
    }
}
