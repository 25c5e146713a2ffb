package dev.kaimono.shipping.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentEvent;
import dev.kaimono.shipping.domain.ShipmentId;
import dev.kaimono.shipping.domain.ShipmentStatus;
import dev.kaimono.shipping.domain.Tracking;

/**
 * The carrier's progress with a shipment: dispatch and delivery, reported by an administrator or
 * swept forward by the demo {@link AutoAdvance}. A repeated report changes nothing and publishes
 * nothing; a report out of order is refused.
 */
@Service
public class CarrierProgress {

    private final Shipments shipments;
    private final ShipmentEvents events;
    private final Clock clock;

    CarrierProgress(Shipments shipments, ShipmentEvents events, Clock clock) {
        this.shipments = shipments;
        this.events = events;
        this.clock = clock;
    }

    /** Hands the shipment to a carrier; see {@link Shipment#dispatch}. */
    @Transactional
    public Shipment dispatch(ShipmentId id, Tracking tracking) {
        return change(id, shipment -> shipment.dispatch(tracking, clock.instant()));
    }

    /** Notes the shipment arrived; see {@link Shipment#deliver}. */
    @Transactional
    public Shipment deliver(ShipmentId id) {
        return change(id, shipment -> shipment.deliver(clock.instant()));
    }

    /**
     * Dispatches up to {@code limit} shipments arranged before {@code cutoff}, each with tracking from
     * the supplier, skipping those another transaction is changing.
     *
     * @return how many were dispatched
     */
    @Transactional
    public int dispatchArrangedBefore(Instant cutoff, int limit, Supplier<Tracking> carrier) {
        return advance(ShipmentStatus.ARRANGED, cutoff, limit, shipment -> shipment.dispatch(carrier.get(), clock.instant()));
    }

    /**
     * Delivers up to {@code limit} shipments dispatched before {@code cutoff}, skipping those another
     * transaction is changing.
     *
     * @return how many were delivered
     */
    @Transactional
    public int deliverDispatchedBefore(Instant cutoff, int limit) {
        return advance(ShipmentStatus.DISPATCHED, cutoff, limit, shipment -> shipment.deliver(clock.instant()));
    }

    private Shipment change(ShipmentId id, Consumer<Shipment> step) {
        Shipment shipment = shipments.lock(id).orElseThrow(() -> new ShipmentNotFoundException("No shipment " + id));
        step.accept(shipment);
        store(shipment);
        return shipment;
    }

    private int advance(ShipmentStatus from, Instant cutoff, int limit, Consumer<Shipment> step) {
        List<Shipment> due = shipments.lockInStatusSince(from, cutoff, limit);
        due.forEach(shipment -> {
            step.accept(shipment);
            store(shipment);
        });
        return due.size();
    }

    private void store(Shipment shipment) {
        List<ShipmentEvent> happened = shipment.pullEvents();
        if (!happened.isEmpty()) {
            shipments.update(shipment);
            events.publish(happened);
        }
    }
}
