package dev.kaimono.order.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.Orders;

/** Every event survives its stored form unchanged, and the stored form is the documented schema. */
class StoredEventsTest {

    private final StoredEvents stored = new StoredEvents();

    static Stream<OrderEvent> everyEvent() {
        return Stream.of(Orders.placed(), Orders.confirmed(), Orders.cancelledFor(CancellationReason.PAYMENT_DECLINED),
                Orders.shipped(), Orders.delivered());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void readsBackWhatItStored(OrderEvent event) {
        StoredEvents.Stored form = stored.encode(event);

        assertThat(stored.decode(form.type(), StoredEvents.SCHEMA_VERSION, form.payload(), event.occurredAt())).isEqualTo(event);
        assertThat(form.type()).isEqualTo(event.getClass().getSimpleName());
    }

    @Test
    void storesAmountsAsStringsAndLeavesTheInstantToItsColumn() {
        String payload = stored.encode(Orders.placed()).payload();

        assertThat(payload).contains("\"total\":{\"amount\":\"9200\",\"currency\":\"JPY\"}")
                .contains("\"unitPrice\":{\"amount\":\"3200\",\"currency\":\"JPY\"}")
                .doesNotContain("occurredAt");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String payload = "{\"orderId\":\"" + Orders.ORDER + "\",\"shipmentId\":\"" + Orders.SHIPMENT + "\",\"addedLater\":1}";

        OrderEvent event = stored.decode("OrderDelivered", 1, payload, Orders.PLACED_AT);

        assertThat(event).isEqualTo(new OrderEvent.OrderDelivered(Orders.ORDER, Orders.SHIPMENT, Orders.PLACED_AT));
    }
}
