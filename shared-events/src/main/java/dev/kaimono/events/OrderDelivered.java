package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/**
 * An order reached the shopper. Produced by order-service. Version 2 says whose order it was and what it held, so a
 * consumer (catalog: the right to review) needs no earlier event; {@code wire.OrderDeliveredFromV1} reads a version-1
 * message with neither ({@code customerId} null, no lines).
 */
public record OrderDelivered(UUID orderId, UUID shipmentId, UUID customerId, List<OrderLine> lines) {

    public static final MessageType<OrderDelivered> TYPE = MessageType.event("order.delivered", 2, OrderDelivered.class);

    public OrderDelivered {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
