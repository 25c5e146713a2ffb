package dev.kaimono.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.order.application.ConcurrencyConflictException;
import dev.kaimono.order.application.OrderCommandHandler;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.application.RecordedEvent;
import dev.kaimono.order.application.RetryingTransactions;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderCommand.CancelOrder;
import dev.kaimono.order.domain.OrderCommand.RecordDelivery;
import dev.kaimono.order.domain.OrderEvent.OrderConfirmed;
import dev.kaimono.order.domain.OrderEvent.OrderPlaced;
import dev.kaimono.order.domain.OrderEvent.OrderShipped;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.OrderRuleViolationException;
import dev.kaimono.order.domain.OrderStatus;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.Shipment;
import dev.kaimono.order.domain.ShippingAddress;
import io.micrometer.core.instrument.MeterRegistry;

/** Optimistic concurrency on one order: of two writers at the same version one wins; the other retries or gets 409. */
class EventStoreConcurrencyIT extends OrderServiceIntegrationTest {

    /** Real concurrency: the common fork-join pool may have a single thread on a small machine. */
    private static final Executor THREADS = Executors.newVirtualThreadPerTaskExecutor();

    @Autowired
    OrderEventStore store;

    @Autowired
    OrderCommandHandler orders;

    @Autowired
    RetryingTransactions retrying;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void ofTwoAppendsAtTheSameVersionExactlyOneCommits() throws Exception {
        OrderId orderId = aStoredOrder(OrderStatus.PENDING);
        CyclicBarrier together = new CyclicBarrier(2);
        UUID firstPayment = UUID.randomUUID();
        UUID secondPayment = UUID.randomUUID();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> appendAtVersionOne(orderId, firstPayment, together), THREADS);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> appendAtVersionOne(orderId, secondPayment, together), THREADS);

        List<String> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        assertThat(outcomes).containsExactlyInAnyOrder("committed", "conflict");
        List<RecordedEvent> stream = store.load(orderId).events();
        assertThat(stream).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        UUID winner = outcomes.getFirst().equals("committed") ? firstPayment : secondPayment;
        assertThat(((OrderConfirmed) stream.get(1).event()).paymentId()).isEqualTo(winner);
    }

    @Test
    void aCommandThatLosesTheRaceIsRetriedOnTheNewStateAndSucceeds() throws Exception {
        OrderId orderId = aStoredOrder(OrderStatus.CONFIRMED);
        double conflictsBefore = conflicts();

        CompletableFuture<Void> delivery = whileAnotherWriterHoldsVersionThree(orderId,
                () -> retrying.execute(() -> orders.handle(new RecordDelivery(orderId, shipmentId, now()))));

        delivery.get(30, TimeUnit.SECONDS);
        assertThat(store.load(orderId).events()).extracting(RecordedEvent::type)
                .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered");
        assertThat(conflicts()).isEqualTo(conflictsBefore + 1);
    }

    @Test
    void aCommandThatLosesTheRaceIsRefusedWhenTheNewStateForbidsIt() throws Exception {
        OrderId orderId = aStoredOrder(OrderStatus.CONFIRMED);
        double conflictsBefore = conflicts();

        CompletableFuture<Void> cancel = whileAnotherWriterHoldsVersionThree(orderId,
                () -> retrying.execute(() -> orders.handle(new CancelOrder(orderId, now()))));

        assertThat(cancel).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(OrderRuleViolationException.class).withMessageContaining("dispatched");
        assertThat(store.load(orderId).order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(conflicts()).isEqualTo(conflictsBefore + 1);
    }

    private final UUID shipmentId = UUID.randomUUID();
    private final Shipment shipment = new Shipment(shipmentId, "Yamato", "1");

    /**
     * Runs {@code contender} while another transaction has appended {@code OrderShipped} as version 3 and not yet
     * committed: the contender loads version 2, decides, and blocks on the unique index; then the other commits.
     */
    private CompletableFuture<Void> whileAnotherWriterHoldsVersionThree(OrderId orderId, Runnable contender) throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            store.append(orderId, 2, List.of(new OrderShipped(orderId, shipment, now())));
            appended.countDown();
            await().atMost(PATIENCE).until(() -> commit.getCount() == 0);
        }), THREADS);
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> contending = CompletableFuture.runAsync(contender, THREADS);
        await().atMost(PATIENCE).until(this::anAppendWaitsForALock);
        commit.countDown();
        holder.get(30, TimeUnit.SECONDS);
        return contending;
    }

    private boolean anAppendWaitsForALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND query LIKE '%INSERT INTO order_event%'""").query(Long.class).single() > 0;
    }

    private String appendAtVersionOne(OrderId orderId, UUID paymentId, CyclicBarrier together) {
        try {
            transactions.executeWithoutResult(status -> {
                awaitBarrier(together);
                store.append(orderId, 1, List.of(new OrderConfirmed(orderId, paymentId, now())));
            });
            return "committed";
        } catch (ConcurrencyConflictException conflict) {
            return "conflict";
        }
    }

    private OrderId aStoredOrder(OrderStatus status) {
        OrderId orderId = OrderId.newId();
        List<OrderEvent> events = new java.util.ArrayList<>(List.of(new OrderPlaced(orderId, new CustomerId(UUID.randomUUID()),
                List.of(new OrderLine(new ProductId(StubCatalog.MATCHA), "Uji Matcha 100g", Money.of("3200", "JPY"), 1)),
                Money.of("3200", "JPY"), new ShippingAddress("Ann", "1-2-3", "Tokyo", "150-0001", "JP"), new PaymentMethod("pm_card_visa"), now())));
        if (status == OrderStatus.CONFIRMED) {
            events.add(new OrderConfirmed(orderId, UUID.randomUUID(), now()));
        }
        transactions.executeWithoutResult(tx -> store.append(orderId, 0, events));
        return orderId;
    }

    private double conflicts() {
        return meters.counter("kaimono.orders.concurrency.conflicts").count();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
