package dev.kaimono.catalog.review.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A review as its author posts it ({@code POST /api/reviews}). The rating's range and the text's length are checked
 * by the review itself, so that both are named at once.
 */
record ReviewRequest(@NotNull UUID productId, @NotNull Integer rating, String text) {
}
