package dev.kaimono.catalog.review;

import java.util.UUID;

/** Only its author edits or deletes a review (answered 403). */
public class NotReviewAuthorException extends RuntimeException {

    public NotReviewAuthorException(UUID reviewId) {
        super("Review " + reviewId + " is someone else's: only its author can change it");
    }
}
