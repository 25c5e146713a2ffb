package dev.kaimono.order.application;

import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import dev.kaimono.order.domain.saga.SagaCommand;

/**
 * What order-service tells other services, stored in the caller's transaction (transactional outbox)
 * and published after it commits. The adapter maps domain events and saga commands to the integration
 * contracts.
 */
public interface OrderMessages {

    /** Publishes the integration event for a domain event; {@code order} is the state right after it. */
    void publish(Order order, OrderEvent event);

    /** Sends a saga command for the saga's order. */
    void send(PlaceOrderSagaState saga, SagaCommand command);
}
