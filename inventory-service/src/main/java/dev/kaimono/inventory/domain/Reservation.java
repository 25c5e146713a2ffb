package dev.kaimono.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.kaimono.inventory.domain.InventoryEvent.ReleaseReason;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationDeducted;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationHeld;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationRefused;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationReleased;

/**
 * One order's claim on stock. Guards that an order is reserved all or nothing across its lines, at most
 * once, and that its units are held on the stock items exactly while it is {@link Status#RESERVED} and
 * taken from on hand exactly while it is {@link Status#DEDUCTED}.
 *
 * <p>Lifecycle:
 * <pre>
 * place ──► RESERVED ──release / order cancelled──► RELEASED
 *    │         ├──────not confirmed in time───────► EXPIRED
 *    │         └──────order confirmed─────────────► DEDUCTED ──order cancelled──► RESTOCKED
 *    └────► FAILED (a line was short; nothing held)
 * </pre>
 * A release that arrives before the order was ever placed leaves a {@code RELEASED} reservation without
 * lines, so a late reserve-stock for that order holds nothing. An order confirmed whose reservation is no
 * longer held (it expired, was released, or failed) takes its units again if they are available.
 */
public final class Reservation {

    /** Where a reservation is in its lifecycle. */
    public enum Status {
        RESERVED, FAILED, RELEASED, DEDUCTED, EXPIRED, RESTOCKED
    }

    private final OrderId orderId;
    private Status status;
    private List<ReservationLine> lines;
    private final List<Shortage> shortages;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant updatedAt;
    private final List<InventoryEvent> events = new ArrayList<>();

    private Reservation(OrderId orderId, Status status, List<ReservationLine> lines, List<Shortage> shortages,
            Instant createdAt, Instant expiresAt, Instant updatedAt) {
        this.orderId = Objects.requireNonNull(orderId, "A reservation belongs to an order");
        this.status = Objects.requireNonNull(status, "A reservation has a status");
        this.lines = List.copyOf(lines);
        this.shortages = List.copyOf(shortages);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (status == Status.RESERVED && (this.lines.isEmpty() || expiresAt == null)) {
            throw new IllegalArgumentException("A held reservation has lines and an expiry (order " + orderId + ")");
        }
        if (status == Status.FAILED && this.shortages.isEmpty()) {
            throw new IllegalArgumentException("A failed reservation names its short lines (order " + orderId + ")");
        }
    }

    /**
     * Reserves every line of an order from the given stock, or none of them: if any line is short, the
     * reservation is {@link Status#FAILED} and names the short lines. Repeated products are added up.
     *
     * @param stock the stock items of the order's products, which this changes
     * @param timeToLive how long the units stay held unless the order is confirmed or released
     */
    public static Reservation place(OrderId orderId, List<ReservationLine> requested, Stock stock, Instant now,
            Duration timeToLive) {
        List<ReservationLine> lines = ReservationLine.merged(requested);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order reserves at least one line (order " + orderId + ")");
        }
        if (!timeToLive.isPositive()) {
            throw new IllegalArgumentException("A reservation lives for a positive time, not " + timeToLive);
        }
        List<Shortage> shortages = stock.shortagesFor(lines);
        if (!shortages.isEmpty()) {
            Reservation failed = new Reservation(orderId, Status.FAILED, lines, shortages, now, null, now);
            failed.events.add(new ReservationRefused(orderId, shortages));
            return failed;
        }
        lines.forEach(line -> stock.itemFor(line).reserve(line.quantity()));
        Reservation held = new Reservation(orderId, Status.RESERVED, lines, List.of(), now, now.plus(timeToLive), now);
        held.events.add(new ReservationHeld(orderId, lines));
        return held;
    }

    /** The trace of a release for an order that was never placed: a later reserve for it holds nothing. */
    public static Reservation releasedBeforePlaced(OrderId orderId, Instant now) {
        return new Reservation(orderId, Status.RELEASED, List.of(), List.of(), now, null, now);
    }

    /** An order confirmed without any reservation on record: its units are taken from what is available. */
    public static Reservation confirmedWithoutReservation(OrderId orderId, List<ReservationLine> confirmedLines,
            Stock stock, Instant now) {
        Reservation reservation = releasedBeforePlaced(orderId, now);
        reservation.confirm(confirmedLines, stock, now);
        return reservation;
    }

    /** A reservation as it was stored. */
    public static Reservation restore(OrderId orderId, Status status, List<ReservationLine> lines, List<Shortage> shortages,
            Instant createdAt, Instant expiresAt, Instant updatedAt) {
        return new Reservation(orderId, status, lines, shortages, createdAt, expiresAt, updatedAt);
    }

    /**
     * Gives held units back because the place-order saga asked to.
     *
     * @return whether anything was released; releasing what is not held does nothing
     */
    public boolean release(Stock stock, Instant now) {
        return giveBack(stock, now, Status.RELEASED, ReleaseReason.REQUESTED);
    }

    /**
     * Gives held units back once the reservation has outlived its time to live.
     *
     * @return whether it expired; a reservation that is not held or not due yet is left as it is
     */
    public boolean expire(Stock stock, Instant now) {
        return isDueAt(now) && giveBack(stock, now, Status.EXPIRED, ReleaseReason.EXPIRED);
    }

    /**
     * The order was confirmed: held units leave the stock on hand. If the reservation is no longer held
     * (expired, released or failed), the confirmed lines are taken from what is available now, all or none.
     * Confirming again does nothing.
     *
     * @param confirmedLines the order's lines as confirmed, used when this reservation holds none
     * @throws InsufficientStockException if units must be taken again and some are not available
     */
    public void confirm(List<ReservationLine> confirmedLines, Stock stock, Instant now) {
        switch (status) {
            case DEDUCTED, RESTOCKED -> {
                return;
            }
            case RESERVED -> lines.forEach(line -> stock.itemFor(line).deduct(line.quantity()));
            case FAILED, RELEASED, EXPIRED -> takeAgain(lines.isEmpty() ? ReservationLine.merged(confirmedLines) : lines, stock);
        }
        status = Status.DEDUCTED;
        updatedAt = now;
        events.add(new ReservationDeducted(orderId, lines));
    }

    /**
     * The order was cancelled: held units are released, deducted units go back on hand.
     *
     * @return whether any stock changed
     */
    public boolean cancel(Stock stock, Instant now) {
        if (status == Status.DEDUCTED) {
            lines.forEach(line -> stock.itemFor(line).restock(line.quantity()));
            status = Status.RESTOCKED;
            updatedAt = now;
            events.add(new ReservationReleased(orderId, lines, ReleaseReason.RESTOCKED));
            return true;
        }
        return giveBack(stock, now, Status.RELEASED, ReleaseReason.ORDER_CANCELLED);
    }

    /**
     * The answer to a repeated reserve-stock for this order: the decision it got the first time (held
     * or refused with the same short lines), or that its stock was given back since.
     */
    public InventoryEvent outcome() {
        return switch (status) {
            case RESERVED, DEDUCTED -> new ReservationHeld(orderId, lines);
            case FAILED -> new ReservationRefused(orderId, shortages);
            case RELEASED -> new ReservationReleased(orderId, lines, ReleaseReason.REQUESTED);
            case EXPIRED -> new ReservationReleased(orderId, lines, ReleaseReason.EXPIRED);
            case RESTOCKED -> new ReservationReleased(orderId, lines, ReleaseReason.RESTOCKED);
        };
    }

    /** Whether units are held and the time to live has passed. */
    public boolean isDueAt(Instant now) {
        return status == Status.RESERVED && !now.isBefore(expiresAt);
    }

    public List<ProductId> productIds() {
        return lines.stream().map(ReservationLine::productId).toList();
    }

    public OrderId orderId() {
        return orderId;
    }

    public Status status() {
        return status;
    }

    public List<ReservationLine> lines() {
        return lines;
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When held units are released unless the order is confirmed first; empty when nothing was ever held. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The events recorded since the last call, oldest first. */
    public List<InventoryEvent> pullEvents() {
        List<InventoryEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private boolean giveBack(Stock stock, Instant now, Status next, ReleaseReason reason) {
        if (status != Status.RESERVED) {
            return false;
        }
        lines.forEach(line -> stock.itemFor(line).release(line.quantity()));
        status = next;
        updatedAt = now;
        events.add(new ReservationReleased(orderId, lines, reason));
        return true;
    }

    private void takeAgain(List<ReservationLine> needed, Stock stock) {
        List<Shortage> missing = stock.shortagesFor(needed);
        if (!missing.isEmpty()) {
            throw new InsufficientStockException("Order %s was confirmed while its reservation was %s, and its stock is gone"
                    .formatted(orderId, status), missing);
        }
        needed.forEach(line -> {
            StockItem item = stock.itemFor(line);
            item.reserve(line.quantity());
            item.deduct(line.quantity());
        });
        lines = needed;
    }

    @Override
    public String toString() {
        return "Reservation[order %s %s %s]".formatted(orderId, status, lines);
    }
}
