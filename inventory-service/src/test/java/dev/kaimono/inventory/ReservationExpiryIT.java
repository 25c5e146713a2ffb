package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import dev.kaimono.events.StockReleased;
import dev.kaimono.inventory.application.Availability;
import dev.kaimono.inventory.application.ReservationExpiry;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation.Status;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stale reservations expire: with a one-minute time to live and a sweep every 100 ms, on a clock the test
 * moves forward instead of waiting.
 */
@Import(ReservationExpiryIT.MovableTime.class)
@TestPropertySource(properties = {
        "kaimono.inventory.reservation-ttl=1m",
        "kaimono.inventory.expiry.interval=100ms",
        "kaimono.inventory.expiry.batch-size=25"})
class ReservationExpiryIT extends InventoryIntegrationTest {

    private static final Duration TTL = Duration.ofMinutes(1);

    @Autowired
    MovableClock clock;

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    MeterRegistry meters;

    @Test
    void aReservationNeitherConfirmedNorReleasedInTimeIsReleasedByTheSweep() {
        ProductId product = stocked(3);
        OrderId confirmed = anOrder();
        OrderId forgotten = anOrder();
        reservationService.reserve(confirmed, oneOf(product, 1));
        reservationService.confirm(confirmed, oneOf(product, 1));
        reservationService.reserve(forgotten, oneOf(product, 2));
        double expiredBefore = expired();
        try (BrokerProbe probe = broker.probe(StockReleased.TYPE)) {

            clock.advance(TTL.minusSeconds(1));
            assertThat(expiry.expireDue()).isZero();
            clock.advance(Duration.ofSeconds(1));

            await().atMost(BrokerProbe.PATIENCE).until(() -> statusOf(forgotten) == Status.EXPIRED);
            assertThat(probe.next(StockReleased.TYPE, event -> event.orderId().equals(forgotten.value())).payload().lines())
                    .containsExactly(Messages.orderLine(product, 2));
            assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 2, 0, 2));
            assertThat(statusOf(confirmed)).isEqualTo(Status.DEDUCTED);
            await().atMost(BrokerProbe.PATIENCE).until(() -> expired() == expiredBefore + 1);
        }
    }

    @Test
    void sweepsRunningAtOnceExpireEveryReservationExactlyOnce() throws Exception {
        ProductId product = stocked(200);
        List<OrderId> orders = IntStream.range(0, 60).mapToObj(i -> anOrder()).toList();
        orders.forEach(order -> reservationService.reserve(order, oneOf(product, 1)));
        double expiredBefore = expired();
        ExecutorService sweepers = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sweeps = IntStream.range(0, 4).mapToObj(i -> sweepers.submit(() -> {
                go.await();
                return expiry.expireDue();
            })).toList();

            clock.advance(TTL);
            go.countDown();
            for (Future<Integer> sweep : sweeps) {
                sweep.get(60, TimeUnit.SECONDS);
            }
        } finally {
            sweepers.shutdownNow();
        }

        await().atMost(BrokerProbe.PATIENCE).until(() -> orders.stream().allMatch(order -> statusOf(order) == Status.EXPIRED));
        assertThat(availabilityOf(product)).isEqualTo(new Availability(product.value(), 200, 0, 200));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM outbox_event WHERE event_type = 'inventory.stock-released' AND aggregate_id IN (:orders)""")
                .param("orders", orders.stream().map(OrderId::toString).toList()).query(Long.class).single())
                .isEqualTo(orders.size());
        await().atMost(BrokerProbe.PATIENCE).untilAsserted(() -> assertThat(expired() - expiredBefore).isEqualTo(orders.size()));
    }

    private double expired() {
        return meters.get("kaimono.inventory.reservations").tag("outcome", "expired").counter().count();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
