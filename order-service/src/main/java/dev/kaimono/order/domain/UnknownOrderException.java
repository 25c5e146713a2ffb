package dev.kaimono.order.domain;

/** A command for an order that was never placed. */
public class UnknownOrderException extends RuntimeException {

    private final OrderId orderId;

    public UnknownOrderException(OrderId orderId) {
        super("No order " + orderId);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
