package dev.kaimono.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderPlaced;

class MessageHandlersTest {

    @Test
    void aStoreWithoutTransactionsTakesOnlyIdempotentHandlers() {
        MessageHandlers idempotent = MessageHandlers.queue("catalog-service.events")
                .onIdempotent(OrderPlaced.TYPE, (order, envelope) -> { })
                .onIdempotent(OrderDelivered.TYPE, (delivery, envelope) -> { });
        MessageHandlers mixed = MessageHandlers.queue("catalog-service.events")
                .onIdempotent(OrderPlaced.TYPE, (order, envelope) -> { })
                .on(OrderDelivered.TYPE, (delivery, envelope) -> { });

        assertThatCode(idempotent::requireAllIdempotent).doesNotThrowAnyException();
        assertThatIllegalStateException().isThrownBy(mixed::requireAllIdempotent)
                .withMessageContaining("order.delivered").withMessageContaining("onIdempotent");
    }
}
