package dev.kaimono.order.application;

/** An order kept changing under a command, retried until giving up; the client may try again. */
public class OrderConcurrencyException extends RuntimeException {

    public OrderConcurrencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
