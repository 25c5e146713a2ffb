package dev.kaimono.catalog.review;

import java.util.UUID;

/** The review a request names does not exist, or is not shown (answered 404). */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException(UUID id) {
        super("No review with id " + id);
    }
}
