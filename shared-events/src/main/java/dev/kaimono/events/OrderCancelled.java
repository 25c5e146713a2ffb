package dev.kaimono.events;

import java.util.UUID;

/** An order was cancelled (OUT_OF_STOCK, PAYMENT_DECLINED, TIMED_OUT or CUSTOMER_REQUEST). Produced by order-service. */
public record OrderCancelled(UUID orderId, String reason, boolean wasConfirmed) {

    public static final MessageType<OrderCancelled> TYPE = MessageType.event("order.cancelled", 1, OrderCancelled.class);
}
