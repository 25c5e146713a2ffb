package dev.kaimono.events;

import java.util.UUID;

/**
 * A review is no longer shown: its author withdrew it ({@code WITHDRAWN}) or an administrator hid it
 * ({@code HIDDEN}). Produced by catalog-service.
 */
public record ReviewRemoved(UUID reviewId, UUID productId, UUID customerId, String reason) {

    public static final MessageType<ReviewRemoved> TYPE = MessageType.event("catalog.review-removed", 1, ReviewRemoved.class);
}
