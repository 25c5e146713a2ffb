package dev.kaimono.order.application;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderCommand;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderState;

/**
 * Runs one command against one order in the caller's transaction: load the events, decide, append with
 * the loaded version as the expected one, and store the integration events in the outbox. A concurrent
 * writer makes the append fail with {@link ConcurrencyConflictException}; the caller retries in a new
 * transaction ({@link RetryingTransactions}, or the message consumer's redelivery).
 */
@Service
public class OrderCommandHandler {

    private final OrderEventStore store;
    private final OrderMessages messages;
    private final ApplicationEventPublisher publisher;

    OrderCommandHandler(OrderEventStore store, OrderMessages messages, ApplicationEventPublisher publisher) {
        this.store = store;
        this.messages = messages;
        this.publisher = publisher;
    }

    /** The order after a command, and the version of its last event. */
    public record Outcome(Order order, long version) {
    }

    /**
     * Runs in the caller's transaction, which must exist. (Checked here rather than with a transactional proxy:
     * a refusal passing through a participating proxy would mark the caller's transaction rollback-only, and
     * callers such as {@link Fulfilment} handle some refusals and commit.)
     *
     * @return the order after the command (unchanged if the command decided no events)
     */
    public Outcome handle(OrderCommand command) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An order command runs in the transaction that stores its effects");
        }
        OrderId orderId = command.orderId();
        EventStream stream = store.load(orderId);
        List<OrderEvent> events = OrderDecider.decide(command, stream.state());
        if (events.isEmpty()) {
            // Only a placed order decides nothing (an order not placed is placed, or refuses the command).
            return new Outcome(stream.order(), stream.version());
        }
        store.append(orderId, stream.version(), events);
        OrderState current = stream.state();
        for (OrderEvent event : events) {
            current = OrderDecider.evolve(current, event);
            messages.publish(placed(current), event);
        }
        publisher.publishEvent(new OrderEventsAppended(orderId, events));
        return new Outcome(placed(current), stream.version() + events.size());
    }

    /** The state after an event: always an order, since every event follows or is its placing. */
    private static Order placed(OrderState state) {
        return switch (state) {
            case Order order -> order;
            case OrderState.NotPlaced _ -> throw new IllegalStateException("An order event left no order");
        };
    }
}
