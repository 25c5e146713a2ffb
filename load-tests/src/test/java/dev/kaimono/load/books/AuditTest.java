package dev.kaimono.load.books;

import static dev.kaimono.load.books.LedgerMother.BOWL;
import static dev.kaimono.load.books.LedgerMother.TEA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTest {

    private LedgerMother ledgers;
    private UUID confirmed;
    private UUID declined;

    @BeforeEach
    void aSettledRun() {
        ledgers = new LedgerMother();
        confirmed = ledgers.confirmedOrder(TEA, 2, "1200");
        declined = ledgers.declinedOrder(BOWL, 1, "5400");
        ledgers.refundedOrder(TEA, 1, "1200");
    }

    @Test
    void balancedBooksPassEveryInvariantAndNothingMoves() {
        Audit audit = ledgers.audit();

        BooksReport report = new BooksReport(audit.verdicts(Duration.ofSeconds(3)));

        assertThat(audit.motion()).isEmpty();
        assertThat(report.verdicts()).extracting(Verdict::outcome).containsOnly(Verdict.Outcome.PASS);
        assertThat(report.verdicts()).extracting(Verdict::invariant).containsExactly(Invariant.values());
        assertThat(report.exitCode()).isZero();
        assertThat(report.verdict(Invariant.MONEY_BALANCED).detail())
                .isEqualTo("JPY captured 3600 − refunded 1200 = 2400 = totals of kept orders 2400");
    }

    @Test
    void aStockRowOffByOneFailsOnlyTheStockBalance() {
        ledgers.stock.put(TEA, new Books.Stock(TEA, 96, 0));

        BooksReport report = new BooksReport(ledgers.audit().verdicts(Duration.ZERO));

        assertThat(report.verdict(Invariant.STOCK_BALANCED).outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict(Invariant.STOCK_BALANCED).detail()).contains("initial 100 − on hand 96 = 4, but kept orders took 2");
        assertThat(report.verdicts()).filteredOn(verdict -> verdict.outcome() == Verdict.Outcome.FAIL).hasSize(1);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.render()).endsWith("BOOKS DO NOT BALANCE: 1 invariant(s) failed");
    }

    @Test
    void aSecondCaptureFailsTheMoneyBalanceAndChargedOnce() {
        ledgers.payments.add(new Books.Payment(confirmed, "COMPLETED", new BigDecimal("2400"), "JPY", true, BigDecimal.ZERO));

        BooksReport report = new BooksReport(ledgers.audit().verdicts(Duration.ZERO));

        assertThat(report.verdict(Invariant.MONEY_BALANCED).outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict(Invariant.CHARGED_ONCE).detail()).contains(confirmed + " captured 2 times");
    }

    @Test
    void aCaptureKeptForACancelledOrderFails() {
        ledgers.payments.removeIf(payment -> payment.orderId().equals(declined));
        ledgers.payments.add(new Books.Payment(declined, "COMPLETED", new BigDecimal("5400"), "JPY", true, BigDecimal.ZERO));

        BooksReport report = new BooksReport(ledgers.audit().verdicts(Duration.ZERO));

        assertThat(report.verdict(Invariant.CHARGED_ONCE).detail()).contains("cancelled order " + declined + " keeps 5400");
        assertThat(report.verdict(Invariant.MONEY_BALANCED).outcome()).isEqualTo(Verdict.Outcome.FAIL);
    }

    @Test
    void anAcceptedOrderMissingFromTheStoreIsLost() {
        UUID lost = UUID.randomUUID();
        ledgers.accepted.put(lost, Map.of(TEA, 1));

        Audit audit = ledgers.audit();

        assertThat(audit.ordersSettled(Duration.ofSeconds(120)).detail()).contains(lost + " accepted but not in the order store");
        assertThat(audit.motion()).containsExactly("1 orders not settled");
    }

    @Test
    void aPendingOrderAndARunningSagaKeepTheBooksMoving() {
        UUID pending = UUID.randomUUID();
        ledgers.orders.put(pending, new Books.Order(pending, "PENDING", Map.of(TEA, 1), new BigDecimal("1200"), "JPY"));
        ledgers.sagas.put(pending, "AWAITING_PAYMENT");
        ledgers.accepted.put(pending, Map.of(TEA, 1));

        Audit audit = ledgers.audit();

        assertThat(audit.motion()).containsExactly("1 orders not settled", "1 sagas running");
        assertThat(audit.sagasTerminal().detail()).contains("saga of " + pending + " at AWAITING_PAYMENT");
    }

    @Test
    void aDeadLetterFailsAndIsNotBacklog() {
        ledgers.queues.put("order-service.events.dlq", 2L);

        Audit audit = ledgers.audit();

        assertThat(audit.noDeadLetters().detail()).isEqualTo("1 offending: order-service.events.dlq: 2 messages");
        assertThat(audit.pipelineDrained().outcome()).isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void plantedDeadLettersPassOnlyWhenExactlyThePoisonLandedThere() {
        ledgers.queues.put("order-service.events.dlq", 1000L);
        Map<String, Long> planted = BooksCheck.plantedDeadLetters("order-service.events.dlq=1000");

        assertThat(ledgers.audit(planted).noDeadLetters().outcome()).isEqualTo(Verdict.Outcome.PASS);

        ledgers.queues.put("order-service.events.dlq", 1001L);
        assertThat(ledgers.audit(planted).noDeadLetters().detail())
                .isEqualTo("1 offending: order-service.events.dlq: 1001 messages, 1000 planted");

        ledgers.queues.put("order-service.events.dlq", 1000L);
        ledgers.queues.put("payment-service.commands.dlq", 1L);
        assertThat(ledgers.audit(planted).noDeadLetters().detail())
                .isEqualTo("1 offending: payment-service.commands.dlq: 1 messages");
    }

    @Test
    void plantedDeadLettersNotAllArrivedAreMotionNotYetAVerdict() {
        ledgers.queues.put("order-service.events.dlq", 400L);
        Map<String, Long> planted = BooksCheck.plantedDeadLetters("order-service.events.dlq=1000");

        assertThat(ledgers.audit(planted).motion())
                .containsExactly("queue order-service.events.dlq: 400 of 1000 planted dead letters arrived");

        ledgers.queues.put("order-service.events.dlq", 1000L);
        assertThat(ledgers.audit(planted).motion()).isEmpty();
    }

    @Test
    void plantedDeadLettersMustNameADeadLetterQueueAndACount() {
        assertThatThrownBy(() -> BooksCheck.plantedDeadLetters("order-service.events=5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BooksCheck.plantedDeadLetters("order-service.events.dlq=many"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BooksCheck.plantedDeadLetters("")).isEmpty();
    }

    @Test
    void queuedMessagesUnpublishedOutboxRowsAndPendingPaymentsAreBacklog() {
        ledgers.queues.put("order-service.events", 7L);
        ledgers.outboxes.put("kaimono_payments_t", 3L);
        ledgers.payments.add(new Books.Payment(UUID.randomUUID(), "PENDING", BigDecimal.ONE, "JPY", false, BigDecimal.ZERO));

        assertThat(ledgers.audit().motion()).containsExactly("kaimono_payments_t: 3 unpublished outbox events",
                "queue order-service.events: 7 messages", "1 payments waiting for the provider");
    }

    @Test
    void stockHeldForASettledOrderIsLeftReserved() {
        ledgers.reservations.put(declined, new Books.Reservation(declined, "RESERVED", Map.of(BOWL, 1)));
        ledgers.stock.put(BOWL, new Books.Stock(BOWL, 5, 1));

        BooksReport report = new BooksReport(ledgers.audit().verdicts(Duration.ZERO));

        assertThat(report.verdict(Invariant.NOTHING_RESERVED).detail()).contains("held for CANCELLED order " + declined);
        assertThat(report.verdict(Invariant.STOCK_FOLLOWS_ORDERS).detail()).contains("cancelled order " + declined + ": reservation RESERVED");
    }

    @Test
    void aSecondShipmentOrNoneForAKeptOrderFails() {
        ledgers.shipments.add(new Books.Shipment(confirmed, "ARRANGED"));

        assertThat(ledgers.audit().shippedOnce().detail()).contains(confirmed + " has 2 shipments",
                "kept order " + confirmed + " has 2 live shipments");
    }

    @Test
    void withoutTheRunsFilesTheChecksThatNeedThemAreSkipped() {
        Audit audit = new Audit(ledgers.books(), Optional.empty(), Optional.empty());

        BooksReport report = new BooksReport(audit.verdicts(Duration.ZERO));

        assertThat(report.verdict(Invariant.STOCK_BALANCED).outcome()).isEqualTo(Verdict.Outcome.SKIP);
        assertThat(report.verdict(Invariant.ORDERS_AS_SENT).outcome()).isEqualTo(Verdict.Outcome.SKIP);
        assertThat(report.verdict(Invariant.ORDERS_SETTLED).detail()).startsWith("3 orders in the order store");
        assertThat(report.balanced()).isTrue();
    }
}
