package dev.kaimono.order.application.placing;

import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderStatus;

/**
 * The answer to placing an order.
 *
 * @param replayed whether this is the order an earlier request with the same {@code Idempotency-Key} placed
 */
public record PlacedOrder(OrderId orderId, OrderStatus status, boolean replayed) {
}
