package dev.kaimono.events;

import java.util.UUID;

/**
 * A shopper who received a product reviewed it. Produced by catalog-service.
 *
 * @param rating 1 to 5
 */
public record ReviewPosted(UUID reviewId, UUID productId, UUID customerId, int rating, String text) {

    public static final MessageType<ReviewPosted> TYPE = MessageType.event("catalog.review-posted", 1, ReviewPosted.class);
}
