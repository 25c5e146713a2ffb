package dev.kaimono.order.application.placing;

import java.time.Instant;
import java.util.Optional;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderId;

/** The {@code Idempotency-Key}s of placed orders, per shopper. */
public interface IdempotencyKeys {

    Optional<StoredKey> find(CustomerId customer, String key);

    /**
     * Stores a key in the caller's transaction.
     *
     * @throws IdempotencyKeyTakenException if a concurrent request stored the same key first
     */
    void insert(CustomerId customer, String key, String requestHash, OrderId orderId, Instant at);

    /**
     * Forgets the keys stored before {@code cutoff}: a request repeating such a key places a new order.
     *
     * @return how many were forgotten
     */
    int forgetStoredBefore(Instant cutoff);

    /** A key and what it was used for. */
    record StoredKey(String requestHash, OrderId orderId) {
    }

    /** A concurrent request with the same key won; read the key again once this transaction is over. */
    class IdempotencyKeyTakenException extends RuntimeException {

        public IdempotencyKeyTakenException(Throwable cause) {
            super("The Idempotency-Key was stored by a concurrent request", cause);
        }
    }
}
