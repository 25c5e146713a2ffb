package dev.kaimono.catalog.review.web;

import jakarta.validation.constraints.NotNull;

/** A review's new rating and text as its author sends them ({@code PUT /api/reviews/{id}}). */
record ReviewEdit(@NotNull Integer rating, String text) {
}
