package dev.kaimono.gateway.body;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed request body grew past the limit; a client error (413), never a failure of the service. */
final class RequestBodyTooLargeException extends ResponseStatusException {

    RequestBodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + limit + " bytes.");
    }
}
