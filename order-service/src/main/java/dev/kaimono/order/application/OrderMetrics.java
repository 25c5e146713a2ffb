package dev.kaimono.order.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.kaimono.order.domain.OrderEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Business counters of orders (ARCHITECTURE §6), counted once the events have committed. */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Counter placed;
    private final Counter confirmed;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.placed = Counter.builder("kaimono.orders.placed").description("Orders placed").register(meters);
        this.confirmed = Counter.builder("kaimono.orders.confirmed").description("Orders confirmed").register(meters);
    }

    @TransactionalEventListener
    void on(OrderEventsAppended appended) {
        for (OrderEvent event : appended.events()) {
            switch (event) {
                case OrderEvent.OrderPlaced placedEvent -> placed.increment();
                case OrderEvent.OrderConfirmed confirmedEvent -> confirmed.increment();
                case OrderEvent.OrderCancelled cancelled -> Counter.builder("kaimono.orders.cancelled")
                        .description("Orders cancelled, by reason").tag("reason", cancelled.reason().name())
                        .register(meters).increment();
                case OrderEvent.OrderShipped shipped -> meters.counter("kaimono.orders.shipped").increment();
                case OrderEvent.OrderDelivered delivered -> meters.counter("kaimono.orders.delivered").increment();
            }
        }
    }
}
