package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** A shopper placed an order; the saga starts. Produced by order-service. */
public record OrderPlaced(UUID orderId, UUID customerId, List<PricedLine> lines, Money total, ShippingAddress shippingAddress) {

    public static final MessageType<OrderPlaced> TYPE = MessageType.event("order.placed", 1, OrderPlaced.class);

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
