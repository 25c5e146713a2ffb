package dev.kaimono.load.books;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Books as a settled run leaves them, built up order by order: each method records an order with the effects
 * a healthy platform gives it in every ledger, so a test changes only the one entry its invariant is about.
 */
final class LedgerMother {

    static final UUID TEA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BOWL = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    final Map<UUID, Books.Order> orders = new HashMap<>();
    final Map<UUID, String> sagas = new HashMap<>();
    final Map<UUID, Books.Stock> stock = new HashMap<>();
    final Map<UUID, Books.Reservation> reservations = new HashMap<>();
    final List<Books.Payment> payments = new ArrayList<>();
    final List<Books.Shipment> shipments = new ArrayList<>();
    final Map<String, Long> outboxes = new HashMap<>(Map.of("kaimono_orders_t", 0L, "kaimono_payments_t", 0L));
    final Map<String, Long> queues = new HashMap<>(Map.of("order-service.events", 0L, "order-service.events.dlq", 0L));
    final Map<UUID, Integer> initialStock = new HashMap<>(Map.of(TEA, 100, BOWL, 5));
    final Map<UUID, Map<UUID, Integer>> accepted = new HashMap<>();

    LedgerMother() {
        initialStock.forEach((product, units) -> stock.put(product, new Books.Stock(product, units, 0)));
    }

    /** Confirmed and paid: stock deducted, money captured, a shipment arranged. */
    UUID confirmedOrder(UUID product, int quantity, String unitPrice) {
        UUID id = UUID.randomUUID();
        BigDecimal total = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        place(id, "CONFIRMED", product, quantity, total, "COMPLETED");
        Books.Stock before = stock.get(product);
        stock.put(product, new Books.Stock(product, before.onHand() - quantity, before.reserved()));
        reservations.put(id, new Books.Reservation(id, "DEDUCTED", Map.of(product, quantity)));
        payments.add(new Books.Payment(id, "COMPLETED", total, "JPY", true, BigDecimal.ZERO));
        shipments.add(new Books.Shipment(id, "ARRANGED"));
        return id;
    }

    /** Declined card: stock reserved and released, nothing captured, no shipment. */
    UUID declinedOrder(UUID product, int quantity, String unitPrice) {
        UUID id = UUID.randomUUID();
        BigDecimal total = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        place(id, "CANCELLED", product, quantity, total, "CANCELLED");
        reservations.put(id, new Books.Reservation(id, "RELEASED", Map.of(product, quantity)));
        payments.add(new Books.Payment(id, "FAILED", total, "JPY", false, BigDecimal.ZERO));
        return id;
    }

    /** Confirmed, then cancelled by the shopper: restocked, refunded, shipment cancelled. */
    UUID refundedOrder(UUID product, int quantity, String unitPrice) {
        UUID id = UUID.randomUUID();
        BigDecimal total = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        place(id, "CANCELLED", product, quantity, total, "COMPLETED");
        reservations.put(id, new Books.Reservation(id, "RESTOCKED", Map.of(product, quantity)));
        payments.add(new Books.Payment(id, "REFUNDED", total, "JPY", true, total));
        shipments.add(new Books.Shipment(id, "CANCELLED"));
        return id;
    }

    private void place(UUID id, String status, UUID product, int quantity, BigDecimal total, String sagaStep) {
        orders.put(id, new Books.Order(id, status, Map.of(product, quantity), total, "JPY"));
        sagas.put(id, sagaStep);
        accepted.put(id, Map.of(product, quantity));
    }

    Books books() {
        return new Books(orders, sagas, stock, reservations, payments, shipments, outboxes, queues);
    }

    Audit audit() {
        return audit(Map.of());
    }

    Audit audit(Map<String, Long> plantedDeadLetters) {
        return new Audit(books(), java.util.Optional.of(accepted), java.util.Optional.of(initialStock), plantedDeadLetters);
    }
}
