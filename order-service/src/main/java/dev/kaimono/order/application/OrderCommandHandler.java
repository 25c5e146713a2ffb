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
        Order state = stream.state();
        List<OrderEvent> events = OrderDecider.decide(command, state);
        if (events.isEmpty()) {
            return new Outcome(state, stream.version());
        }
        store.append(orderId, stream.version(), events);
        Order current = state;
        for (OrderEvent event : events) {
            current = OrderDecider.evolve(current, event);
            messages.publish(current, event);
        }
        publisher.publishEvent(new OrderEventsAppended(orderId, events));
        return new Outcome(current, stream.version() + events.size());
    }
}
