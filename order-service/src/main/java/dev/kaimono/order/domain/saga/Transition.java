package dev.kaimono.order.domain.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.kaimono.order.domain.OrderCommand;

/**
 * One step of a saga: the state before (none when it starts) and after, what caused it, the commands to send, the
 * order command to apply and the step whose effects the commands undo. All of it is stored in one transaction, or
 * none of it. Built by name, from {@link #start} or {@link #step} (or {@link #ignore}), then {@link #sending},
 * {@link #applying} and {@link #compensating} as the step needs:
 * <pre>{@code
 * Transition.step(state, state.cancelled(TIMED_OUT, now), trigger)
 *         .sending(new ReleaseStock())
 *         .applying(new RejectOrder(orderId, TIMED_OUT, now))
 *         .compensating(Compensation.STOCK);
 * }</pre>
 */
public record Transition(Optional<PlaceOrderSagaState> from, PlaceOrderSagaState to, String trigger,
        List<SagaCommand> commands, Optional<OrderCommand> orderCommand, Optional<Compensation> compensated) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        commands = List.copyOf(commands);
        Objects.requireNonNull(orderCommand, "orderCommand");
        Objects.requireNonNull(compensated, "compensated");
    }

    /** The saga begins in {@code state} because of {@code trigger}. */
    public static Transition start(PlaceOrderSagaState state, String trigger) {
        return new Transition(Optional.empty(), state, trigger, List.of(), Optional.empty(), Optional.empty());
    }

    /** The saga moves from one state to the next because of {@code trigger}. */
    public static Transition step(PlaceOrderSagaState from, PlaceOrderSagaState to, String trigger) {
        return new Transition(Optional.of(from), to, trigger, List.of(), Optional.empty(), Optional.empty());
    }

    /** The input changes nothing: a duplicate or a late reply. */
    public static Transition ignore(PlaceOrderSagaState state, String trigger) {
        return step(state, state, trigger);
    }

    /** This transition, also sending these commands (after any it sends already). */
    public Transition sending(SagaCommand... more) {
        List<SagaCommand> all = new ArrayList<>(commands);
        all.addAll(List.of(more));
        return new Transition(from, to, trigger, all, orderCommand, compensated);
    }

    /** This transition, also applying the command to the order. */
    public Transition applying(OrderCommand command) {
        return new Transition(from, to, trigger, commands, Optional.of(command), compensated);
    }

    /** This transition, whose commands give back what an earlier step took. */
    public Transition compensating(Compensation what) {
        return new Transition(from, to, trigger, commands, orderCommand, Optional.of(what));
    }

    /** Whether the input changed nothing and asks for nothing (a duplicate or late reply). */
    public boolean isIgnored() {
        return from.filter(before -> before.step() == to.step() && before.attempts() == to.attempts()
                && before.deadlineAt().equals(to.deadlineAt())).isPresent()
                && commands.isEmpty() && orderCommand.isEmpty();
    }

    /** Whether this transition ends the saga. */
    public boolean finishes() {
        return to.step().isFinal() && from.map(before -> !before.step().isFinal()).orElse(true);
    }
}
