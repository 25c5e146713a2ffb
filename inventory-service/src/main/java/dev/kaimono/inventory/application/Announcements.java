package dev.kaimono.inventory.application;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.kaimono.inventory.domain.InventoryEvent;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationDeducted;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationHeld;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationRefused;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationReleased;
import dev.kaimono.inventory.domain.InventoryEvent.StockCounted;
import dev.kaimono.inventory.domain.InventoryEvent.StockDepleted;
import dev.kaimono.inventory.domain.Reservation.Status;
import dev.kaimono.runtime.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes what the aggregates recorded and counts reservation outcomes in
 * {@code kaimono.inventory.reservations{outcome}} once the transaction has committed. A repeated answer
 * is published again but not counted again.
 */
@Component
class Announcements {

    private final InventoryEvents events;
    private final Map<Status, Counter> counters = new EnumMap<>(Status.class);

    Announcements(InventoryEvents events, MeterRegistry meters) {
        this.events = events;
        for (Status outcome : Status.values()) {
            counters.put(outcome, Counter.builder("kaimono.inventory.reservations")
                    .description("Stock reservations by what became of them")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
    }

    void announce(Collection<InventoryEvent> recorded) {
        recorded.forEach(event -> {
            events.publish(event);
            outcome(event).ifPresent(this::countAfterCommit);
        });
    }

    void repeat(InventoryEvent answer) {
        events.publish(answer);
    }

    private void countAfterCommit(Status outcome) {
        AfterCommit.run(counters.get(outcome)::increment);
    }

    /** The status a reservation reached with the event, as the metric's {@code outcome} tag; none for stock events. */
    private static Optional<Status> outcome(InventoryEvent event) {
        return Optional.ofNullable(switch (event) {
            case ReservationHeld held -> Status.RESERVED;
            case ReservationRefused refused -> Status.FAILED;
            case ReservationDeducted deducted -> Status.DEDUCTED;
            case ReservationReleased released -> switch (released.reason()) {
                case REQUESTED, ORDER_CANCELLED -> Status.RELEASED;
                case EXPIRED -> Status.EXPIRED;
                case RESTOCKED -> Status.RESTOCKED;
            };
            case StockCounted counted -> null;
            case StockDepleted depleted -> null;
        });
    }
}
