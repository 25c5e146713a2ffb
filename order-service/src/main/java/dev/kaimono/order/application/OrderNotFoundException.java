package dev.kaimono.order.application;

import dev.kaimono.order.domain.OrderId;

/** No such order for this viewer: it does not exist (yet), or it is another shopper's. */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(OrderId orderId) {
        super("No order " + orderId);
    }
}
