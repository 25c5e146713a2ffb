package dev.kaimono.order.application.cart;

import dev.kaimono.order.domain.CustomerId;

/** What order-service tells other services about carts: stored in the caller's transaction (transactional outbox). */
public interface CartMessages {

    void publish(CustomerId customer, CartEvent event);
}
