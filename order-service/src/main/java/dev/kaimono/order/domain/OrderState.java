package dev.kaimono.order.domain;

/**
 * What an order's events say about it: nothing yet ({@link NotPlaced}), or an {@link Order}. The decider starts
 * from {@link #NOT_PLACED}; every command but placing needs an {@link Order}, so no placed order ever has a missing
 * id, customer or line.
 */
public sealed interface OrderState permits OrderState.NotPlaced, Order {

    /** The state of an order before its first event. */
    NotPlaced NOT_PLACED = new NotPlaced();

    /** No event has happened to the order: it was never placed (or not yet, at the instant asked about). */
    record NotPlaced() implements OrderState {
    }
}
