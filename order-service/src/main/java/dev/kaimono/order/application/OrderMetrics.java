package dev.kaimono.order.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.OrderEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Business counters of orders (ARCHITECTURE §6), counted once the events have committed. */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Counter placed;
    private final Counter confirmed;
    private final Counter shipped;
    private final Counter delivered;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.placed = Counter.builder("kaimono.orders.placed").description("Orders placed").register(meters);
        this.confirmed = Counter.builder("kaimono.orders.confirmed").description("Orders confirmed").register(meters);
        this.shipped = Counter.builder("kaimono.orders.shipped").description("Orders shipped").register(meters);
        this.delivered = Counter.builder("kaimono.orders.delivered").description("Orders delivered").register(meters);
        // Every series exists from the start, so dashboards and rate() see zeros rather than nothing.
        for (CancellationReason reason : CancellationReason.values()) {
            cancelled(reason);
        }
    }

    @TransactionalEventListener
    void on(OrderEventsAppended appended) {
        for (OrderEvent event : appended.events()) {
            switch (event) {
                case OrderEvent.OrderPlaced placedEvent -> placed.increment();
                case OrderEvent.OrderConfirmed confirmedEvent -> confirmed.increment();
                case OrderEvent.OrderCancelled cancelledEvent -> cancelled(cancelledEvent.reason()).increment();
                case OrderEvent.OrderShipped shippedEvent -> shipped.increment();
                case OrderEvent.OrderDelivered deliveredEvent -> delivered.increment();
            }
        }
    }

    private Counter cancelled(CancellationReason reason) {
        return Counter.builder("kaimono.orders.cancelled").description("Orders cancelled, by reason")
                .tag("reason", reason.name()).register(meters);
    }
}
