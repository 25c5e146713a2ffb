package dev.kaimono.events;

import java.util.UUID;

/** An order left the warehouse. Produced by order-service. */
public record OrderShipped(UUID orderId, UUID shipmentId) {

    public static final MessageType<OrderShipped> TYPE = MessageType.event("order.shipped", 1, OrderShipped.class);
}
