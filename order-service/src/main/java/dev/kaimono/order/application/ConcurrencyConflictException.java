package dev.kaimono.order.application;

import dev.kaimono.order.domain.OrderId;

/** Another writer changed the order between loading it and appending to it. Retry the command. */
public class ConcurrencyConflictException extends RuntimeException {

    public ConcurrencyConflictException(OrderId orderId, long expectedVersion, Throwable cause) {
        super("Order %s changed after version %d".formatted(orderId, expectedVersion), cause);
    }
}
