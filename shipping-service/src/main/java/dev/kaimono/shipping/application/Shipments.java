package dev.kaimono.shipping.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kaimono.shipping.domain.OrderId;
import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentId;
import dev.kaimono.shipping.domain.ShipmentStatus;

/**
 * Where shipments are kept. The {@code lock} methods hold what they return until the surrounding
 * transaction ends, so no other transaction changes it in between.
 */
public interface Shipments {

    /**
     * Stores a new shipment unless its order already has one.
     *
     * @return whether it was stored
     */
    boolean addIfOrderHasNone(Shipment shipment);

    /** Stores the state of a shipment that was locked and changed. */
    void update(Shipment shipment);

    Optional<Shipment> find(ShipmentId id);

    Optional<Shipment> findByOrder(OrderId orderId);

    Optional<Shipment> lock(ShipmentId id);

    Optional<Shipment> lockByOrder(OrderId orderId);

    /**
     * Holds the order, whether or not it has a shipment yet, until the transaction ends: arranging and
     * cancelling the shipment of one order never interleave, even on different instances.
     */
    void lockOrder(OrderId orderId);

    /**
     * Locks up to {@code limit} shipments that have been in {@code status} since before {@code cutoff},
     * oldest first, skipping those another transaction holds.
     */
    List<Shipment> lockInStatusSince(ShipmentStatus status, Instant cutoff, int limit);

    /** Shipments in a status (all when {@code null}), most recently arranged first. */
    List<Shipment> findByStatus(ShipmentStatus status, long offset, int limit);

    long countByStatus(ShipmentStatus status);
}
