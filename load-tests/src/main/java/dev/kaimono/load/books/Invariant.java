package dev.kaimono.load.books;

/** The invariants the books check proves, in the order it reports them. */
public enum Invariant {

    /** Every accepted order is in the order store and CONFIRMED (or later) or CANCELLED. */
    ORDERS_SETTLED("every accepted order settled"),
    /** The order store holds what the client sent for each accepted order. */
    ORDERS_AS_SENT("accepted orders stored as sent"),
    /** Every order has a place-order saga, and every saga is COMPLETED or CANCELLED. */
    SAGAS_TERMINAL("every saga terminal"),
    /** No unpublished outbox row, no queued message, no payment waiting for the provider. */
    PIPELINE_DRAINED("pipeline drained"),
    /** Every dead-letter queue ({@code *.dlq}) of the virtual host is empty. */
    NO_DEAD_LETTERS("no dead letters"),
    /** Per product: initial stock − on hand = quantity of the orders kept (confirmed, shipped, delivered). */
    STOCK_BALANCED("stock balanced"),
    /** Reserved stock equals the held reservations, and none is held for a settled order. */
    NOTHING_RESERVED("nothing left reserved"),
    /** A kept order's stock was deducted once, for its lines; a cancelled order holds or took none. */
    STOCK_FOLLOWS_ORDERS("stock taken once per kept order"),
    /** Captured − refunded = the totals of the kept orders, per currency. */
    MONEY_BALANCED("money balanced"),
    /** At most one capture per order, for its total; refunds only for cancelled orders. */
    CHARGED_ONCE("each order charged once"),
    /** At most one shipment per order; a live one for each kept order, none for a cancelled one. */
    SHIPPED_ONCE("each order shipped once");

    private final String title;

    Invariant(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
