package dev.kaimono.events;

import java.util.UUID;

/** A shopper changed the quantity of a product already in their cart. Produced by order-service. */
public record CartItemQuantityChanged(UUID customerId, UUID productId, int quantity, int previousQuantity) {

    public static final MessageType<CartItemQuantityChanged> TYPE =
            MessageType.event("cart.item-quantity-changed", 1, CartItemQuantityChanged.class);
}
