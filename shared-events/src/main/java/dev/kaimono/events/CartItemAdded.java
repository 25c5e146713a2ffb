package dev.kaimono.events;

import java.util.UUID;

/** A shopper put a product into their cart that was not in it, with a quantity. Produced by order-service. */
public record CartItemAdded(UUID customerId, UUID productId, int quantity) {

    public static final MessageType<CartItemAdded> TYPE = MessageType.event("cart.item-added", 1, CartItemAdded.class);
}
