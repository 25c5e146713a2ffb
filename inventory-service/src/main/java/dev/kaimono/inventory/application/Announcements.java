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

    /** The outcomes of reservations, as the metric's {@code outcome} tag. */
    enum Outcome {
        RESERVED, FAILED, RELEASED, EXPIRED, DEDUCTED, RESTOCKED
    }

    private final InventoryEvents events;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    Announcements(InventoryEvents events, MeterRegistry meters) {
        this.events = events;
        for (Outcome outcome : Outcome.values()) {
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

    private void countAfterCommit(Outcome outcome) {
        AfterCommit.run(counters.get(outcome)::increment);
    }

    private static Optional<Outcome> outcome(InventoryEvent event) {
        return Optional.ofNullable(switch (event) {
            case ReservationHeld held -> Outcome.RESERVED;
            case ReservationRefused refused -> Outcome.FAILED;
            case ReservationDeducted deducted -> Outcome.DEDUCTED;
            case ReservationReleased released -> switch (released.reason()) {
                case REQUESTED, ORDER_CANCELLED -> Outcome.RELEASED;
                case EXPIRED -> Outcome.EXPIRED;
                case RESTOCKED -> Outcome.RESTOCKED;
            };
            case StockCounted counted -> null;
            case StockDepleted depleted -> null;
        });
    }
}
