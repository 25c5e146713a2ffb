package dev.kaimono.events;

import java.util.UUID;

/** The author of a review changed its rating or text. Produced by catalog-service. */
public record ReviewEdited(UUID reviewId, UUID productId, UUID customerId, int rating, String text) {

    public static final MessageType<ReviewEdited> TYPE = MessageType.event("catalog.review-edited", 1, ReviewEdited.class);
}
