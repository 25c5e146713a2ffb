package dev.kaimono.order.domain.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The place-order saga in given/when/then form: given its state, when an input arrives at an instant, then exactly
 * this transition — the next state, the commands it sends, the order command it applies, what it compensates, and
 * nothing else (the whole {@link Transition} is compared).
 */
final class SagaSpecification {

    private final PlaceOrderSaga saga;

    SagaSpecification(PlaceOrderSaga saga) {
        this.saga = saga;
    }

    Given given(PlaceOrderSagaState state) {
        return new Given(state);
    }

    final class Given {

        private final PlaceOrderSagaState state;

        private Given(PlaceOrderSagaState state) {
            this.state = state;
        }

        When when(SagaInput input, Instant at) {
            return new When(state, input, saga.handle(state, input, at));
        }
    }

    record When(PlaceOrderSagaState state, SagaInput input, Transition actual) {

        /** The saga moves to {@code next} and does nothing else. */
        Transition then(PlaceOrderSagaState next) {
            return then(next, UnaryOperator.identity());
        }

        /** The saga moves to {@code next} with these effects ({@code sending}, {@code applying}, {@code compensating}). */
        Transition then(PlaceOrderSagaState next, UnaryOperator<Transition> effects) {
            Transition expected = effects.apply(Transition.step(state, next, input.name()));
            assertThat(actual).isEqualTo(expected);
            return actual;
        }

        /** The input changes nothing and asks for nothing: a duplicate or a late reply. */
        void thenIgnored() {
            assertThat(actual).isEqualTo(Transition.ignore(state, input.name()));
            assertThat(actual.isIgnored()).isTrue();
        }
    }
}
