package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/** Stock is reserved and payment captured; fulfilment starts. Produced by order-service. */
public record OrderConfirmed(UUID orderId, UUID customerId, List<PricedLine> lines, Money total, ShippingAddress shippingAddress) {

    public static final MessageType<OrderConfirmed> TYPE = MessageType.event("order.confirmed", 1, OrderConfirmed.class);

    public OrderConfirmed {
        lines = List.copyOf(lines);
    }
}
