package dev.kaimono.inventory;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation.Status;

/**
 * A benchmark, not a test: it asserts nothing and is not run by {@code ./mvnw verify}. Run it with
 * <pre>./mvnw -B -o -pl inventory-service verify -Dit.test=ReservationContentionBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It measures reservations per second when {@value #THREADS} threads reserve single units of ONE product
 * (the worst case: every reservation waits for the same row lock), through the real use case against
 * PostgreSQL (row lock, stock update, reservation insert, outbox insert, commit) while the outbox relay
 * publishes the replies to RabbitMQ: first against a stock that never runs out, then against a stock that
 * runs out after a fifth of the requests. Results are printed.
 */
class ReservationContentionBenchmark extends InventoryIntegrationTest {

    private static final int THREADS = Integer.getInteger("benchmark.threads", 16);
    private static final int RESERVATIONS = Integer.getInteger("benchmark.reservations", 5000);
    private static final int WARMUP = 500;

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Test
    void singleUnitReservationsOfOneProductUnderContention() throws Exception {
        run(stocked(1_000_000), WARMUP);
        Result plenty = run(stocked(1_000_000), RESERVATIONS);
        Result runningOut = run(stocked(RESERVATIONS / 5), RESERVATIONS);

        System.out.printf("%nReservation contention benchmark: %d threads, %d single-unit reservations of one product, "
                + "connection pool %d, %d CPUs%n", THREADS, RESERVATIONS, poolSize, Runtime.getRuntime().availableProcessors());
        System.out.println(plenty.describe("stock of 1,000,000 (every reservation succeeds)"));
        System.out.println(runningOut.describe("stock of %d (runs out)".formatted(RESERVATIONS / 5)));
        System.out.println();
    }

    private Result run(ProductId product, int count) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger reserved = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            var workers = IntStream.range(0, THREADS).mapToObj(worker -> threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    Status status = reservationService.reserve(anOrder(), oneOf(product, 1)).status();
                    latencies[i] = System.nanoTime() - begin;
                    if (status == Status.RESERVED) {
                        reserved.incrementAndGet();
                    }
                }
                return null;
            })).toList();
            for (Future<Object> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Result(count, reserved.get(), System.nanoTime() - start, latencies);
    }

    private record Result(int count, int reserved, long nanos, long[] latencies) {

        String describe(String what) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return "%-50s %7.0f reservations/s   p50 %6.1f ms   p99 %6.1f ms   (%d reserved, %d refused)".formatted(what,
                    count / (nanos / 1e9), sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    reserved, count - reserved);
        }
    }
}
