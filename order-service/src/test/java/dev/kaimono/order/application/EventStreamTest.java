package dev.kaimono.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderState;
import dev.kaimono.order.domain.OrderStatus;
import dev.kaimono.order.domain.Orders;

/** Time travel: an order's state at an instant is its events up to that instant, replayed. */
class EventStreamTest {

    private final EventStream stream = new EventStream(Orders.ORDER, List.of(recorded(1, Orders.placed()),
            recorded(2, Orders.confirmed()), recorded(3, Orders.shipped())));

    @Test
    void replaysTheEventsThatHadOccurredByTheInstant() {
        assertThat(((Order) stream.stateAsOf(Orders.minutesLater(30))).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stream.versionAsOf(Orders.minutesLater(30))).isEqualTo(2);
        assertThat(((Order) stream.stateAsOf(Orders.minutesLater(60))).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void beforeTheOrderWasPlacedThereIsNoOrder() {
        assertThat(stream.stateAsOf(Orders.PLACED_AT.minusMillis(1))).isEqualTo(OrderState.NOT_PLACED);
        assertThat(stream.versionAsOf(Orders.PLACED_AT.minusMillis(1))).isZero();
    }

    @Test
    void theCurrentStateAndVersionAreThoseOfTheLastEvent() {
        assertThat(stream.order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(stream.version()).isEqualTo(3);
        assertThat(new EventStream(Orders.ORDER, List.of()).version()).isZero();
    }

    private static RecordedEvent recorded(long version, OrderEvent event) {
        return new RecordedEvent(100 + version, version, event.getClass().getSimpleName(), event, "{}", event.occurredAt());
    }
}
