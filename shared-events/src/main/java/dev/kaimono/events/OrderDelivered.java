package dev.kaimono.events;

import java.util.UUID;

/** An order reached the shopper. Produced by order-service. */
public record OrderDelivered(UUID orderId, UUID shipmentId) {

    public static final MessageType<OrderDelivered> TYPE = MessageType.event("order.delivered", 1, OrderDelivered.class);
}
