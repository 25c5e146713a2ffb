package dev.kaimono.catalog.review;

import java.util.UUID;

/** A shopper reviews a product once; they edit that review instead (answered 409, naming it). */
public class AlreadyReviewedException extends RuntimeException {

    private final UUID reviewId;

    public AlreadyReviewedException(UUID productId, UUID reviewId) {
        super("You have already reviewed product " + productId + ": edit review " + reviewId + " instead");
        this.reviewId = reviewId;
    }

    public UUID reviewId() {
        return reviewId;
    }
}
