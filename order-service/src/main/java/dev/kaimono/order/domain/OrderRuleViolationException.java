package dev.kaimono.order.domain;

/** A command the order's current state does not allow, e.g. cancelling a shipped order. */
public class OrderRuleViolationException extends RuntimeException {

    private final OrderStatus status;

    public OrderRuleViolationException(OrderStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** The status of the order that refused the command. */
    public OrderStatus status() {
        return status;
    }
}
