package dev.kaimono.events;

import java.util.UUID;

/** A shopper took a product out of their cart; {@code quantity} is what the cart held. Produced by order-service. */
public record CartItemRemoved(UUID customerId, UUID productId, int quantity) {

    public static final MessageType<CartItemRemoved> TYPE = MessageType.event("cart.item-removed", 1, CartItemRemoved.class);
}
