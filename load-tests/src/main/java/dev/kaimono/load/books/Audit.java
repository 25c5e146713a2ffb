package dev.kaimono.load.books;

import static dev.kaimono.load.books.Invariant.CHARGED_ONCE;
import static dev.kaimono.load.books.Invariant.MONEY_BALANCED;
import static dev.kaimono.load.books.Invariant.NOTHING_RESERVED;
import static dev.kaimono.load.books.Invariant.NO_DEAD_LETTERS;
import static dev.kaimono.load.books.Invariant.ORDERS_AS_SENT;
import static dev.kaimono.load.books.Invariant.ORDERS_SETTLED;
import static dev.kaimono.load.books.Invariant.PIPELINE_DRAINED;
import static dev.kaimono.load.books.Invariant.SAGAS_TERMINAL;
import static dev.kaimono.load.books.Invariant.SHIPPED_ONCE;
import static dev.kaimono.load.books.Invariant.STOCK_BALANCED;
import static dev.kaimono.load.books.Invariant.STOCK_FOLLOWS_ORDERS;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.kaimono.load.books.Books.Order;
import dev.kaimono.load.books.Books.Payment;
import dev.kaimono.load.books.Books.Reservation;
import dev.kaimono.load.books.Books.Shipment;
import dev.kaimono.load.books.Books.Stock;

/**
 * The invariants, as pure functions of what was read: the books, the orders the run had accepted (when it
 * recorded them) and the stock each product started with (when the run's setup recorded it).
 */
final class Audit {

    private static final Set<String> NOTHING_TAKEN = Set.of("FAILED", "RELEASED", "EXPIRED", "RESTOCKED");

    private final Books books;
    private final Optional<Map<UUID, Map<UUID, Integer>>> accepted;
    private final Optional<Map<UUID, Integer>> initialStock;
    private final Map<String, Long> planted;

    Audit(Books books, Optional<Map<UUID, Map<UUID, Integer>>> accepted, Optional<Map<UUID, Integer>> initialStock) {
        this(books, accepted, initialStock, Map.of());
    }

    /**
     * @param planted dead-letter queues that must hold exactly this many messages (a fault run that published that
     *                many malformed ones), every other one none
     */
    Audit(Books books, Optional<Map<UUID, Map<UUID, Integer>>> accepted, Optional<Map<UUID, Integer>> initialStock,
            Map<String, Long> planted) {
        this.books = books;
        this.accepted = accepted;
        this.initialStock = initialStock;
        this.planted = Map.copyOf(planted);
    }

    /** What still moves (empty once the platform is quiet): the books are judged once this is empty or time is up. */
    List<String> motion() {
        List<String> moving = new ArrayList<>();
        long unsettled = scope().stream().filter(id -> !books.orders().containsKey(id) || !books.orders().get(id).settled()).count();
        if (unsettled > 0) {
            moving.add(unsettled + " orders not settled");
        }
        long sagas = books.sagas().values().stream().filter(step -> !Books.FINAL_SAGA_STEPS.contains(step)).count();
        if (sagas > 0) {
            moving.add(sagas + " sagas running");
        }
        moving.addAll(backlog());
        // Planted poison still on its way to its dead-letter queue (the broker's counts also lag a few seconds): too
        // few there is a verdict only once the wait is over. No depths at all: the broker was not asked this time.
        Map<String, Long> plantedSoFar = books.queueDepths().isEmpty() ? Map.of() : planted;
        new TreeMap<>(plantedSoFar).forEach((queue, count) -> {
            long arrived = books.queueDepths().getOrDefault(queue, 0L);
            if (arrived < count) {
                moving.add("queue %s: %d of %d planted dead letters arrived".formatted(queue, arrived, count));
            }
        });
        long held = books.reservations().values().stream().filter(Reservation::held).count();
        if (held > 0) {
            moving.add(held + " reservations held");
        }
        return moving;
    }

    /** Every verdict, in the order of {@link Invariant}. */
    List<Verdict> verdicts(Duration waited) {
        return List.of(ordersSettled(waited), ordersAsSent(), sagasTerminal(), pipelineDrained(), noDeadLetters(),
                stockBalanced(), nothingReserved(), stockFollowsOrders(), moneyBalanced(), chargedOnce(), shippedOnce());
    }

    private Collection<UUID> scope() {
        return accepted.<Collection<UUID>>map(Map::keySet).orElse(books.orders().keySet());
    }

    Verdict ordersSettled(Duration waited) {
        List<String> offenders = new ArrayList<>();
        int kept = 0;
        int cancelled = 0;
        for (UUID id : scope()) {
            Order order = books.orders().get(id);
            if (order == null) {
                offenders.add(id + " accepted but not in the order store");
            } else if (!order.settled()) {
                offenders.add(id + " still " + order.status());
            } else if (order.kept()) {
                kept++;
            } else {
                cancelled++;
            }
        }
        String source = accepted.isPresent() ? "accepted" : "in the order store (no accepted-orders file)";
        return Verdict.of(ORDERS_SETTLED, offenders, "%d orders %s: %d confirmed or later, %d cancelled (settled within %d s)"
                .formatted(scope().size(), source, kept, cancelled, waited.toSeconds()));
    }

    Verdict ordersAsSent() {
        if (accepted.isEmpty()) {
            return Verdict.skip(ORDERS_AS_SENT, "no accepted-orders file");
        }
        List<String> offenders = new ArrayList<>();
        accepted.get().forEach((id, lines) -> {
            Order order = books.orders().get(id);
            if (order != null && !order.lines().equals(lines)) {
                offenders.add("%s sent %s, stored %s".formatted(id, lines, order.lines()));
            }
        });
        return Verdict.of(ORDERS_AS_SENT, offenders, "%d orders hold the lines their POST sent".formatted(accepted.get().size()));
    }

    Verdict sagasTerminal() {
        List<String> offenders = new ArrayList<>();
        books.sagas().forEach((orderId, step) -> {
            if (!Books.FINAL_SAGA_STEPS.contains(step)) {
                offenders.add("saga of " + orderId + " at " + step);
            }
        });
        books.orders().keySet().stream().filter(id -> !books.sagas().containsKey(id))
                .forEach(id -> offenders.add(id + " has no saga"));
        Map<String, Long> bySteps = books.sagas().values().stream()
                .collect(Collectors.groupingBy(step -> step, TreeMap::new, Collectors.counting()));
        return Verdict.of(SAGAS_TERMINAL, offenders, "%d sagas %s".formatted(books.sagas().size(), bySteps));
    }

    Verdict pipelineDrained() {
        return Verdict.of(PIPELINE_DRAINED, backlog(), "%d outboxes published, %d queues empty, no payment in flight"
                .formatted(books.unpublishedOutbox().size(),
                        books.queueDepths().keySet().stream().filter(queue -> !isDeadLetterQueue(queue)).count()));
    }

    private List<String> backlog() {
        List<String> backlog = new ArrayList<>();
        new TreeMap<>(books.unpublishedOutbox()).forEach((database, rows) -> {
            if (rows > 0) {
                backlog.add("%s: %d unpublished outbox events".formatted(database, rows));
            }
        });
        new TreeMap<>(books.queueDepths()).forEach((queue, messages) -> {
            if (messages > 0 && !isDeadLetterQueue(queue)) {
                backlog.add("queue %s: %d messages".formatted(queue, messages));
            }
        });
        long paying = books.payments().stream().filter(Payment::inFlight).count();
        if (paying > 0) {
            backlog.add(paying + " payments waiting for the provider");
        }
        return backlog;
    }

    Verdict noDeadLetters() {
        Map<String, Long> deadLetterQueues = new TreeMap<>(books.queueDepths());
        deadLetterQueues.keySet().removeIf(queue -> !isDeadLetterQueue(queue));
        if (books.queueDepths().isEmpty()) {
            return Verdict.fail(NO_DEAD_LETTERS, "the virtual host has no queues at all: is it the environment's?");
        }
        List<String> offenders = new ArrayList<>();
        planted.keySet().stream().filter(queue -> !deadLetterQueues.containsKey(queue)).sorted()
                .forEach(queue -> offenders.add("%s: no such queue, %d planted".formatted(queue, planted.get(queue))));
        deadLetterQueues.forEach((queue, messages) -> {
            long expected = planted.getOrDefault(queue, 0L);
            if (messages != expected) {
                offenders.add(expected == 0 ? "%s: %d messages".formatted(queue, messages)
                        : "%s: %d messages, %d planted".formatted(queue, messages, expected));
            }
        });
        if (planted.isEmpty()) {
            return Verdict.of(NO_DEAD_LETTERS, offenders, "%d dead-letter queues, all empty".formatted(deadLetterQueues.size()));
        }
        return Verdict.of(NO_DEAD_LETTERS, offenders, "%d dead-letter queues hold exactly what was planted (%s), no more"
                .formatted(deadLetterQueues.size(), new TreeMap<>(planted)));
    }

    Verdict stockBalanced() {
        if (initialStock.isEmpty()) {
            return Verdict.skip(STOCK_BALANCED, "no products file: the initial stock is unknown (inventory keeps no history of it)");
        }
        Map<UUID, Integer> sold = soldQuantities();
        List<String> offenders = new ArrayList<>();
        long initialTotal = 0;
        long onHandTotal = 0;
        for (Map.Entry<UUID, Integer> product : initialStock.get().entrySet()) {
            Stock stock = books.stock().get(product.getKey());
            int kept = sold.getOrDefault(product.getKey(), 0);
            if (stock == null) {
                offenders.add(product.getKey() + " has no stock row");
                continue;
            }
            initialTotal += product.getValue();
            onHandTotal += stock.onHand();
            if (product.getValue() - stock.onHand() != kept) {
                offenders.add("%s: initial %d − on hand %d = %d, but kept orders took %d".formatted(product.getKey(),
                        product.getValue(), stock.onHand(), product.getValue() - stock.onHand(), kept));
            }
        }
        return Verdict.of(STOCK_BALANCED, offenders, "%d products: initial %d − on hand %d = %d units in kept orders"
                .formatted(initialStock.get().size(), initialTotal, onHandTotal, initialTotal - onHandTotal));
    }

    private Map<UUID, Integer> soldQuantities() {
        Map<UUID, Integer> sold = new HashMap<>();
        books.orders().values().stream().filter(Order::kept)
                .forEach(order -> order.lines().forEach((product, quantity) -> sold.merge(product, quantity, Integer::sum)));
        return sold;
    }

    Verdict nothingReserved() {
        Map<UUID, Integer> held = new HashMap<>();
        List<String> offenders = new ArrayList<>();
        for (Reservation reservation : books.reservations().values()) {
            if (!reservation.held()) {
                continue;
            }
            reservation.lines().forEach((product, quantity) -> held.merge(product, quantity, Integer::sum));
            Order order = books.orders().get(reservation.orderId());
            if (order == null || order.settled()) {
                offenders.add("held for %s order %s".formatted(order == null ? "unknown" : order.status(), reservation.orderId()));
            }
        }
        long reservedUnits = 0;
        for (Stock stock : books.stock().values()) {
            reservedUnits += stock.reserved();
            int expected = held.getOrDefault(stock.productId(), 0);
            if (stock.reserved() != expected) {
                offenders.add("%s: %d reserved, reservations hold %d".formatted(stock.productId(), stock.reserved(), expected));
            }
        }
        return Verdict.of(NOTHING_RESERVED, offenders, "%d units reserved in %d stock rows, none for a settled order"
                .formatted(reservedUnits, books.stock().size()));
    }

    Verdict stockFollowsOrders() {
        List<String> offenders = new ArrayList<>();
        int deducted = 0;
        for (Order order : books.orders().values()) {
            Reservation reservation = books.reservations().get(order.id());
            if (order.kept()) {
                if (reservation == null || !"DEDUCTED".equals(reservation.status())) {
                    offenders.add("kept order %s: reservation %s".formatted(order.id(), reservation == null ? "missing" : reservation.status()));
                } else if (!reservation.lines().equals(order.lines())) {
                    offenders.add("kept order %s deducted %s for lines %s".formatted(order.id(), reservation.lines(), order.lines()));
                } else {
                    deducted++;
                }
            } else if (order.settled() && reservation != null && !NOTHING_TAKEN.contains(reservation.status())) {
                offenders.add("cancelled order %s: reservation %s".formatted(order.id(), reservation.status()));
            }
        }
        books.reservations().keySet().stream().filter(id -> !books.orders().containsKey(id))
                .forEach(id -> offenders.add("reservation for unknown order " + id));
        return Verdict.of(STOCK_FOLLOWS_ORDERS, offenders, "%d kept orders deducted once each; cancelled orders took nothing"
                .formatted(deducted));
    }

    Verdict moneyBalanced() {
        Map<String, BigDecimal> captured = new TreeMap<>();
        Map<String, BigDecimal> refunded = new TreeMap<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Payment payment : books.payments()) {
            if (payment.captured()) {
                captured.merge(payment.currency(), payment.amount(), BigDecimal::add);
                refunded.merge(payment.currency(), payment.refunded(), BigDecimal::add);
            }
        }
        books.orders().values().stream().filter(Order::kept)
                .forEach(order -> totals.merge(order.currency(), order.total(), BigDecimal::add));
        Set<String> currencies = new java.util.TreeSet<>(captured.keySet());
        currencies.addAll(totals.keySet());
        List<String> lines = new ArrayList<>();
        boolean balanced = true;
        for (String currency : currencies) {
            BigDecimal in = captured.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal out = refunded.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal expected = totals.getOrDefault(currency, BigDecimal.ZERO);
            boolean equal = in.subtract(out).compareTo(expected) == 0;
            balanced &= equal;
            lines.add("%s captured %s − refunded %s = %s %s totals of kept orders %s".formatted(currency, in.toPlainString(),
                    out.toPlainString(), in.subtract(out).toPlainString(), equal ? "=" : "≠", expected.toPlainString()));
        }
        String detail = lines.isEmpty() ? "nothing captured, no kept order" : String.join("; ", lines);
        return balanced ? Verdict.pass(MONEY_BALANCED, detail) : Verdict.fail(MONEY_BALANCED, detail);
    }

    Verdict chargedOnce() {
        Map<UUID, List<Payment>> byOrder = books.payments().stream().collect(Collectors.groupingBy(Payment::orderId));
        List<String> offenders = new ArrayList<>();
        byOrder.forEach((orderId, payments) -> {
            long captures = payments.stream().filter(Payment::captured).count();
            Order order = books.orders().get(orderId);
            if (captures > 1) {
                offenders.add("%s captured %d times".formatted(orderId, captures));
            }
            if (order == null) {
                offenders.add("payment for unknown order " + orderId);
                return;
            }
            boolean refunded = payments.stream().anyMatch(payment -> payment.refunded().signum() > 0
                    || payment.status().startsWith("REFUND"));
            if (refunded && !"CANCELLED".equals(order.status())) {
                offenders.add("%s refunded but %s".formatted(orderId, order.status()));
            }
            if ("CANCELLED".equals(order.status()) && payments.stream().anyMatch(payment -> payment.kept().signum() != 0)) {
                offenders.add("cancelled order %s keeps %s".formatted(orderId, payments.stream().map(Payment::kept)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()));
            }
        });
        for (Order order : books.orders().values()) {
            if (!order.kept()) {
                continue;
            }
            List<Payment> payments = byOrder.getOrDefault(order.id(), List.of());
            List<Payment> kept = payments.stream().filter(payment -> payment.kept().signum() != 0).toList();
            if (kept.size() != 1) {
                offenders.add("kept order %s has %d captured payments".formatted(order.id(), kept.size()));
            } else if (kept.getFirst().kept().compareTo(order.total()) != 0 || !kept.getFirst().currency().equals(order.currency())) {
                offenders.add("kept order %s totals %s %s, captured %s %s".formatted(order.id(), order.total().toPlainString(),
                        order.currency(), kept.getFirst().kept().toPlainString(), kept.getFirst().currency()));
            }
        }
        long captures = books.payments().stream().filter(Payment::captured).count();
        return Verdict.of(CHARGED_ONCE, offenders, "%d payments, %d captured, each order at most once and for its total"
                .formatted(books.payments().size(), captures));
    }

    Verdict shippedOnce() {
        Map<UUID, List<Shipment>> byOrder = books.shipments().stream().collect(Collectors.groupingBy(Shipment::orderId));
        List<String> offenders = new ArrayList<>();
        byOrder.forEach((orderId, shipments) -> {
            if (shipments.size() > 1) {
                offenders.add("%s has %d shipments".formatted(orderId, shipments.size()));
            }
            if (!books.orders().containsKey(orderId)) {
                offenders.add("shipment for unknown order " + orderId);
            }
        });
        for (Order order : books.orders().values()) {
            long live = byOrder.getOrDefault(order.id(), List.of()).stream().filter(Shipment::live).count();
            if (order.kept() && live != 1) {
                offenders.add("kept order %s has %d live shipments".formatted(order.id(), live));
            } else if ("CANCELLED".equals(order.status()) && live > 0) {
                offenders.add("cancelled order %s has a live shipment".formatted(order.id()));
            }
        }
        return Verdict.of(SHIPPED_ONCE, offenders, "%d shipments, one per kept order, none live for a cancelled one"
                .formatted(books.shipments().size()));
    }

    static boolean isDeadLetterQueue(String queue) {
        return queue.endsWith(".dlq");
    }
}
