package dev.kaimono.catalog.review.web;

import java.time.Instant;
import java.util.UUID;

import dev.kaimono.catalog.review.Review;

/** A shown review on the wire: every review is by a verified buyer, whose account id is not shown. */
record ReviewResponse(UUID id, UUID productId, int rating, String text, long version, Instant createdAt,
        Instant updatedAt) {

    static ReviewResponse of(Review review) {
        return new ReviewResponse(review.id(), review.productId(), review.rating(), review.text(), review.version(),
                review.createdAt(), review.updatedAt());
    }
}
