package dev.kaimono.catalog.review.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A review as its author sends it: to post it ({@code POST /api/reviews}, naming the product) or to edit it
 * ({@code PUT /api/reviews/{id}}, where {@code productId} is not needed). The rating's range and the text's length are
 * checked by the review itself, so that both are named at once.
 */
record ReviewRequest(UUID productId, @NotNull Integer rating, String text) {
}
