package dev.kaimono.order.application.placing;

/** An {@code Idempotency-Key} the shopper already used for a different request (HTTP 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request; use a new key for a new order");
    }
}
