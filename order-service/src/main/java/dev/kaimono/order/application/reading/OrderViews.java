package dev.kaimono.order.application.reading;

import java.util.Optional;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderId;

/** The read models the projections keep; eventually consistent with the event store. */
public interface OrderViews {

    /** The shopper's orders, newest first. */
    OrderPage<OrderSummary> summaries(CustomerId customer, int page, int size);

    Optional<OrderDetails> details(OrderId orderId);
}
