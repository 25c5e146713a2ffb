package dev.kaimono.catalog.review;

import java.util.UUID;

/** The review changed between being read and being written (answered 409: read it again and retry). */
public class ConcurrentReviewChangeException extends RuntimeException {

    public ConcurrentReviewChangeException(UUID reviewId) {
        super("Review " + reviewId + " was changed at the same time; read it again and retry");
    }
}
