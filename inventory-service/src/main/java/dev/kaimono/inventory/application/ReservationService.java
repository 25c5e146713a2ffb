package dev.kaimono.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.inventory.domain.InventoryEvent;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation;
import dev.kaimono.inventory.domain.ReservationLine;
import dev.kaimono.inventory.domain.Stock;

/**
 * An order's stock, from the saga's reserve-stock to the order's confirmation or cancellation. Each
 * operation locks the order's reservation first and then its products' stock items (in product-id order),
 * so concurrent orders serialise on the products they share and never deadlock; whatever it announces
 * commits with the change.
 */
@Service
public class ReservationService {

    private final Reservations reservations;
    private final StockItems stockItems;
    private final Announcements announcements;
    private final InventoryProperties properties;
    private final Clock clock;

    ReservationService(Reservations reservations, StockItems stockItems, Announcements announcements,
            InventoryProperties properties, Clock clock) {
        this.reservations = reservations;
        this.stockItems = stockItems;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reserves every line of the order or none, and announces the decision. An order is reserved once: asked
     * again, it announces the same decision again (or that its stock has been given back since).
     *
     * @return the order's reservation
     */
    @Transactional
    public Reservation reserve(OrderId orderId, List<ReservationLine> lines) {
        Optional<Reservation> existing = reservations.lock(orderId);
        if (existing.isPresent()) {
            announcements.repeat(existing.get().outcome());
            return existing.get();
        }
        Stock stock = stockItems.lock(lines.stream().map(ReservationLine::productId).toList());
        Reservation reservation = Reservation.place(orderId, lines, stock, clock.instant(), properties.reservationTtl());
        if (reservation.status() == Reservation.Status.RESERVED) {
            stockItems.update(stock.items());
        }
        reservations.add(reservation);
        announce(reservation, stock);
        return reservation;
    }

    /**
     * Gives the order's held units back. Releasing what is not held (already released, expired, confirmed,
     * never reserved) announces nothing; an order released before it was reserved will hold nothing.
     *
     * @return whether any units were released
     */
    @Transactional
    public boolean release(OrderId orderId) {
        return change(orderId, (reservation, stock, now) -> reservation.release(stock, now));
    }

    /** The order was confirmed: its held units leave the stock on hand (see {@link Reservation#confirm}). */
    @Transactional
    public void confirm(OrderId orderId, List<ReservationLine> confirmedLines) {
        Instant now = clock.instant();
        Optional<Reservation> found = reservations.lock(orderId);
        Set<ProductId> products = new LinkedHashSet<>(found.map(Reservation::productIds).orElse(List.of()));
        confirmedLines.forEach(line -> products.add(line.productId()));
        Stock stock = stockItems.lock(products);
        if (found.isEmpty()) {
            Reservation reservation = Reservation.confirmedWithoutReservation(orderId, confirmedLines, stock, now);
            stockItems.update(stock.items());
            reservations.add(reservation);
            announce(reservation, stock);
            return;
        }
        Reservation reservation = found.get();
        reservation.confirm(confirmedLines, stock, now);
        save(reservation, stock);
    }

    /**
     * The order was cancelled: held units are released, deducted units restocked. An order cancelled before
     * it was reserved will hold nothing.
     *
     * @return whether any stock changed
     */
    @Transactional
    public boolean cancel(OrderId orderId) {
        return change(orderId, (reservation, stock, now) -> reservation.cancel(stock, now));
    }

    private boolean change(OrderId orderId, Change change) {
        Instant now = clock.instant();
        Optional<Reservation> found = reservations.lock(orderId);
        if (found.isEmpty()) {
            reservations.add(Reservation.releasedBeforePlaced(orderId, now));
            return false;
        }
        Reservation reservation = found.get();
        Stock stock = stockItems.lock(reservation.productIds());
        if (!change.apply(reservation, stock, now)) {
            return false;
        }
        save(reservation, stock);
        return true;
    }

    private void save(Reservation reservation, Stock stock) {
        List<InventoryEvent> events = new ArrayList<>(reservation.pullEvents());
        if (events.isEmpty()) {
            return;
        }
        events.addAll(stock.pullEvents());
        stockItems.update(stock.items());
        reservations.update(List.of(reservation));
        announcements.announce(events);
    }

    private void announce(Reservation reservation, Stock stock) {
        List<InventoryEvent> events = new ArrayList<>(reservation.pullEvents());
        events.addAll(stock.pullEvents());
        announcements.announce(events);
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(Reservation reservation, Stock stock, Instant now);
    }
}
