package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kaimono.inventory.application.Availability;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation.Status;
import dev.kaimono.inventory.domain.ReservationLine;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Inventory never oversells, against real PostgreSQL: many orders reserve the same stock at the same
 * moment, and whatever happens to them afterwards, units on hand, reserved and deducted add up.
 */
class ConcurrentReservationsIT extends InventoryIntegrationTest {

    private static final int ORDERS = 50;
    private static final int STOCK = 10;

    @Autowired
    MeterRegistry meters;

    @Test
    void fiftyConcurrentSingleUnitReservationsOnAStockOfTenHoldExactlyTenAndEverythingReconciles() throws Exception {
        ProductId product = stocked(STOCK);
        List<OrderId> orders = IntStream.range(0, ORDERS).mapToObj(i -> anOrder()).toList();
        double reservedBefore = reservations("reserved");
        double failedBefore = reservations("failed");

        AvailabilityWatch watch = new AvailabilityWatch(product);
        List<Status> outcomes;
        try {
            outcomes = allAtOnce(orders.stream()
                    .<Callable<Status>>map(order -> () -> reservationService.reserve(order, oneOf(product, 1)).status())
                    .toList());
        } finally {
            watch.close();
        }

        assertThat(outcomes).filteredOn(Status.RESERVED::equals).hasSize(STOCK);
        assertThat(outcomes).filteredOn(Status.FAILED::equals).hasSize(ORDERS - STOCK);
        assertThat(watch.lowest()).isNotNegative();
        assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), STOCK, STOCK, 0));
        assertThat(countByStatus(orders, Status.RESERVED)).isEqualTo(STOCK);
        assertThat(countByStatus(orders, Status.FAILED)).isEqualTo(ORDERS - STOCK);
        assertThat(reservations("reserved") - reservedBefore).isEqualTo(STOCK);
        assertThat(reservations("failed") - failedBefore).isEqualTo(ORDERS - STOCK);

        // Of the ten held orders: four are confirmed, three cancelled before confirmation, then two confirmed ones cancelled.
        List<OrderId> held = orders.stream().filter(order -> statusOf(order) == Status.RESERVED).toList();
        List<Callable<Object>> fates = new ArrayList<>();
        held.subList(0, 4).forEach(order -> fates.add(() -> {
            reservationService.confirm(order, oneOf(product, 1));
            return null;
        }));
        held.subList(4, 7).forEach(order -> fates.add(() -> reservationService.cancel(order)));
        allAtOnce(fates);
        allAtOnce(held.subList(0, 2).stream().<Callable<Object>>map(order -> () -> reservationService.cancel(order)).toList());

        int deducted = unitsIn(product, Status.DEDUCTED);
        int stillReserved = unitsIn(product, Status.RESERVED);
        Availability after = availabilityOf(product);
        assertThat(deducted).isEqualTo(2);
        assertThat(stillReserved).isEqualTo(3);
        assertThat(after.onHand() + deducted).isEqualTo(STOCK);
        assertThat(after.reserved()).isEqualTo(stillReserved);
        assertThat(after.onHand()).isEqualTo(8);
        assertThat(after.available()).isEqualTo(after.onHand() - after.reserved()).isEqualTo(5);
        assertThat(countByStatus(orders, Status.RESTOCKED)).isEqualTo(2);
        assertThat(countByStatus(orders, Status.RELEASED)).isEqualTo(3);
    }

    @Test
    void ordersListingTheSameProductsInOppositeOrderNeverDeadlock() throws Exception {
        ProductId tea = stocked(100);
        ProductId cups = stocked(100);
        List<Callable<Status>> orders = IntStream.range(0, 40).<Callable<Status>>mapToObj(i -> {
            List<ReservationLine> lines = i % 2 == 0
                    ? List.of(new ReservationLine(tea, 1), new ReservationLine(cups, 1))
                    : List.of(new ReservationLine(cups, 1), new ReservationLine(tea, 1));
            return () -> reservationService.reserve(anOrder(), lines).status();
        }).toList();

        List<Status> outcomes = allAtOnce(orders);

        assertThat(outcomes).containsOnly(Status.RESERVED).hasSize(40);
        assertThat(availabilityOf(tea).reserved()).isEqualTo(40);
        assertThat(availabilityOf(cups).reserved()).isEqualTo(40);
    }

    /** Runs every task on a thread of its own, all released at the same instant; fails if any task failed. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> results = tasks.stream().map(task -> threads.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            })).toList();
            ready.await();
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private long countByStatus(List<OrderId> orders, Status status) {
        return orders.stream().filter(order -> statusOf(order) == status).count();
    }

    private int unitsIn(ProductId product, Status status) {
        return jdbc.sql("""
                SELECT coalesce(sum(l.quantity), 0) FROM reservation_line l JOIN reservation r ON r.order_id = l.order_id
                WHERE l.product_id = :product AND r.status = :status""")
                .param("product", product.value()).param("status", status.name()).query(Integer.class).single();
    }

    private double reservations(String outcome) {
        return meters.get("kaimono.inventory.reservations").tag("outcome", outcome).counter().count();
    }

    /** Samples the product's committed availability from another connection until closed. */
    private final class AvailabilityWatch {

        private final AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final AtomicInteger samples = new AtomicInteger();
        private final Thread sampler;

        AvailabilityWatch(ProductId product) {
            sampler = Thread.ofPlatform().name("availability-watch").start(() -> {
                while (watching.get()) {
                    int available = jdbc.sql("SELECT on_hand - reserved FROM stock_item WHERE product_id = :product")
                            .param("product", product.value()).query(Integer.class).single();
                    lowest.accumulateAndGet(available, Math::min);
                    samples.incrementAndGet();
                }
            });
        }

        int lowest() {
            return lowest.get();
        }

        void close() throws InterruptedException {
            watching.set(false);
            sampler.join();
            assertThat(samples.get()).as("availability samples taken").isPositive();
        }
    }
}
