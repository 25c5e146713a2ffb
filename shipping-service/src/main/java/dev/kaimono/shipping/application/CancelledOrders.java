package dev.kaimono.shipping.application;

import java.time.Instant;

import dev.kaimono.shipping.domain.OrderId;

/**
 * Orders that were cancelled after confirmation before their shipment was arranged, which happens
 * when {@code order.confirmed} is delayed (retried, dead-lettered and replayed) behind
 * {@code order.cancelled}. A shipment is never arranged for an order noted here.
 */
public interface CancelledOrders {

    void note(OrderId orderId, Instant cancelledAt);

    boolean contains(OrderId orderId);
}
