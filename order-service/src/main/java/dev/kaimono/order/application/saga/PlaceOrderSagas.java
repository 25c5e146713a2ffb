package dev.kaimono.order.application.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import dev.kaimono.order.domain.saga.SagaStep;
import dev.kaimono.order.domain.saga.Transition;

/** The persisted place-order sagas and their transition log. Every method runs in the caller's transaction. */
public interface PlaceOrderSagas {

    void insert(PlaceOrderSagaState saga);

    /** The saga, locked until the transaction ends (replies and deadlines of one order never interleave). */
    Optional<PlaceOrderSagaState> lock(OrderId orderId);

    /**
     * Stores a new state of a locked saga.
     *
     * @throws ConcurrencyConflictException if the stored version is not the state's version
     */
    void update(PlaceOrderSagaState saga);

    /** Orders whose saga's deadline has passed, the longest overdue first. Nothing is locked. */
    List<OrderId> overdue(Instant now, int limit);

    /**
     * Locks the saga if it is still overdue and no other transaction holds it (another instance's scanner,
     * or a reply being handled): {@code FOR UPDATE SKIP LOCKED}.
     */
    Optional<PlaceOrderSagaState> lockIfOverdue(OrderId orderId, Instant now);

    /** Moves a saga's deadline to {@code until}, e.g. after handling its deadline failed. */
    void postpone(OrderId orderId, Instant until);

    /** Appends a transition, with the commands it sent, to the saga's log. */
    void record(Transition transition, Instant at);

    /** Sagas in the step (all if {@code null}): overdue first, then most attempts, then oldest. */
    List<PlaceOrderSagaState> list(SagaStep step, Instant now, int limit);

    Optional<PlaceOrderSagaState> find(OrderId orderId);

    List<TransitionRecord> transitions(OrderId orderId);

    long countOverdue(Instant now);

    /** Sagas still running, and how many of them started before {@code laggingBefore}. */
    SagaBacklog backlog(Instant laggingBefore);

    /** Sagas still running, and those of them running for too long. */
    record SagaBacklog(long inFlight, long lagging) {
    }

    /** A logged transition. */
    record TransitionRecord(SagaStep from, SagaStep to, String trigger, List<String> commands, String orderCommand,
            int attempts, Instant at) {
    }
}
