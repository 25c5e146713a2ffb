package dev.kaimono.order.domain.saga;

import java.util.List;
import java.util.Objects;

import dev.kaimono.order.domain.OrderCommand;

/**
 * One step of a saga: the state before and after, what caused it, the commands to send and the order
 * command to apply. All of it is stored in one transaction, or none of it.
 *
 * @param orderCommand the command for the order aggregate, or {@code null}
 * @param compensated the step whose effects the commands undo (stock or payment), or {@code null}
 */
public record Transition(PlaceOrderSagaState from, PlaceOrderSagaState to, String trigger, List<SagaCommand> commands,
        OrderCommand orderCommand, SagaStep compensated) {

    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        commands = List.copyOf(commands);
    }

    /** Whether the input changed nothing and asks for nothing (a duplicate or late reply). */
    public boolean isIgnored() {
        return from != null && from.step() == to.step() && from.attempts() == to.attempts()
                && Objects.equals(from.deadlineAt(), to.deadlineAt()) && commands.isEmpty() && orderCommand == null;
    }

    /** Whether this transition ends the saga. */
    public boolean finishes() {
        return to.step().isFinal() && (from == null || !from.step().isFinal());
    }
}
