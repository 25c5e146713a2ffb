package dev.kaimono.catalog.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.kaimono.catalog.outbox.PendingEvent;

/** A review as stored in the {@value #COLLECTION} collection, with its events not yet published (the outbox). */
@Document(ReviewDocument.COLLECTION)
record ReviewDocument(@Id String id, String productId, String customerId, int rating, String text, ReviewState state,
        long version, Instant createdAt, Instant updatedAt, List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "reviews";

    static ReviewDocument of(Review review, List<PendingEvent> events) {
        return new ReviewDocument(review.id().toString(), review.productId().toString(), review.customerId().toString(),
                review.rating(), review.text(), review.state(), review.version(), review.createdAt(), review.updatedAt(),
                events);
    }

    Review toReview() {
        return new Review(UUID.fromString(id), UUID.fromString(productId), UUID.fromString(customerId), rating, text, state,
                version, createdAt, updatedAt);
    }
}
