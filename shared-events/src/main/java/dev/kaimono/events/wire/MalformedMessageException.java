package dev.kaimono.events.wire;

/** A message that can never be handled, however often it is retried; it goes to the dead-letter queue at once. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
