package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

/**
 * A shopper's cart became an order: {@code lines} left the cart for order {@code orderId} (published in the
 * transaction that placed it, next to {@code order.placed}). Produced by order-service.
 */
public record CartCheckedOut(UUID customerId, UUID orderId, List<OrderLine> lines) {

    public static final MessageType<CartCheckedOut> TYPE = MessageType.event("cart.checked-out", 1, CartCheckedOut.class);

    public CartCheckedOut {
        lines = List.copyOf(lines);
    }
}
