package dev.kaimono.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Given events / when command / then events, for the order decider (after AxonIQ's aggregate test fixture). */
final class DeciderSpecification {

    private final List<OrderEvent> history;

    private DeciderSpecification(List<OrderEvent> history) {
        this.history = history;
    }

    static DeciderSpecification given(OrderEvent... history) {
        return new DeciderSpecification(List.of(history));
    }

    static DeciderSpecification givenNoHistory() {
        return new DeciderSpecification(List.of());
    }

    When when(OrderCommand command) {
        return new When(OrderDecider.fold(history), command);
    }

    record When(OrderState state, OrderCommand command) {

        void then(OrderEvent... expected) {
            assertThat(OrderDecider.decide(command, state)).containsExactly(expected);
        }

        void thenNothingHappens() {
            assertThat(OrderDecider.decide(command, state)).isEmpty();
        }

        void thenRefused(Class<? extends RuntimeException> refusal, String because) {
            assertThatThrownBy(() -> OrderDecider.decide(command, state)).isInstanceOf(refusal).hasMessageContaining(because);
        }

        /** The order may not be placed, for exactly these reasons, in this order. */
        void thenRejected(OrderRejection... reasons) {
            assertThatThrownBy(() -> OrderDecider.decide(command, state)).isInstanceOfSatisfying(OrderRejectedException.class,
                    rejected -> assertThat(rejected.rejections()).containsExactly(reasons));
        }
    }
}
