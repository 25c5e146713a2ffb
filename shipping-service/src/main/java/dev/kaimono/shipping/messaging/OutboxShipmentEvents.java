package dev.kaimono.shipping.messaging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.kaimono.events.ShipmentArranged;
import dev.kaimono.events.ShipmentCancelled;
import dev.kaimono.events.ShipmentDelivered;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.messaging.Outbox;
import dev.kaimono.runtime.AfterCommit;
import dev.kaimono.shipping.application.ShipmentEvents;
import dev.kaimono.shipping.domain.ShipmentEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes shipping's integration events through the transactional outbox, keyed by shipment (so one
 * shipment's events keep their order), and counts them in {@code kaimono.shipments{event}} once the
 * transaction that stored them has committed.
 */
@Component
class OutboxShipmentEvents implements ShipmentEvents {

    private enum Kind {
        ARRANGED, DISPATCHED, DELIVERED, CANCELLED
    }

    private final Outbox outbox;
    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    OutboxShipmentEvents(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        for (Kind kind : Kind.values()) {
            counters.put(kind, Counter.builder("kaimono.shipments")
                    .description("Shipment lifecycle events published")
                    .tag("event", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters));
        }
    }

    @Override
    public void publish(List<ShipmentEvent> events) {
        events.forEach(this::publish);
    }

    private void publish(ShipmentEvent event) {
        String aggregateId = event.shipmentId().toString();
        Kind kind = switch (event) {
            case ShipmentEvent.Arranged arranged -> {
                outbox.publish(ShipmentArranged.TYPE, aggregateId,
                        new ShipmentArranged(arranged.shipmentId().value(), arranged.orderId().value()));
                yield Kind.ARRANGED;
            }
            case ShipmentEvent.Dispatched dispatched -> {
                outbox.publish(ShipmentDispatched.TYPE, aggregateId,
                        new ShipmentDispatched(dispatched.shipmentId().value(), dispatched.orderId().value(),
                                dispatched.tracking().carrier(), dispatched.tracking().trackingNumber()));
                yield Kind.DISPATCHED;
            }
            case ShipmentEvent.Delivered delivered -> {
                outbox.publish(ShipmentDelivered.TYPE, aggregateId,
                        new ShipmentDelivered(delivered.shipmentId().value(), delivered.orderId().value()));
                yield Kind.DELIVERED;
            }
            case ShipmentEvent.Cancelled cancelled -> {
                outbox.publish(ShipmentCancelled.TYPE, aggregateId,
                        new ShipmentCancelled(cancelled.shipmentId().value(), cancelled.orderId().value()));
                yield Kind.CANCELLED;
            }
        };
        AfterCommit.run(counters.get(kind)::increment);
    }
}
