package dev.kaimono.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.inventory.domain.InventoryEvent;
import dev.kaimono.inventory.domain.Reservation;
import dev.kaimono.inventory.domain.Stock;

/**
 * Releases reservations that were neither confirmed nor released within their time to live. Instances
 * share the work: each batch locks its reservations with {@code SKIP LOCKED}, so two never expire the same.
 */
@Service
public class ReservationExpiry {

    private final Reservations reservations;
    private final StockItems stockItems;
    private final Announcements announcements;
    private final InventoryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ReservationExpiry(Reservations reservations, StockItems stockItems, Announcements announcements,
            InventoryProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.stockItems = stockItems;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Expires due reservations, one transaction per batch, until none is left.
     *
     * @return how many expired
     */
    public int expireDue() {
        int total = 0;
        int expired;
        do {
            expired = Objects.requireNonNull(transactions.execute(status -> expireBatch()));
            total += expired;
        } while (expired == properties.expiry().batchSize());
        return total;
    }

    private int expireBatch() {
        Instant now = clock.instant();
        List<Reservation> due = reservations.lockDue(now, properties.expiry().batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Stock stock = stockItems.lock(due.stream().flatMap(reservation -> reservation.productIds().stream()).toList());
        List<Reservation> expired = due.stream().filter(reservation -> reservation.expire(stock, now)).toList();
        List<InventoryEvent> events = new ArrayList<>();
        expired.forEach(reservation -> events.addAll(reservation.pullEvents()));
        events.addAll(stock.pullEvents());
        stockItems.update(stock.items());
        reservations.update(expired);
        announcements.announce(events);
        return expired.size();
    }
}
