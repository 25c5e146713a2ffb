package dev.kaimono.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.UserRegistered;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * A benchmark, not a test: it asserts nothing and is not run by {@code ./mvnw verify}. Run it with
 * <pre>./mvnw -B -pl service-runtime verify -Dit.test=OutboxRelayBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It measures, against the real PostgreSQL and RabbitMQ: the relay draining a backlog (events stored
 * while the broker was cut off, then published with confirms) next to a plain publish-with-confirms loop
 * of the same size and batch; and, at a steady 200 events/s, the latency from commit to the inbox
 * consumer's handler next to plain publish-to-listener latency. Results are printed.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=benchmark", "logging.level.root=ERROR"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class OutboxRelayBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 5000);
    private static final int WARMUP = 500;
    private static final int LATENCY_EVENTS = 1000;
    private static final Duration PACE = Duration.ofMillis(5);

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    MessagingProperties properties;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void relayVersusPlainPublishWithConfirms() throws Exception {
        relayThroughput(WARMUP);
        plain(WARMUP, 0);
        Result relayBacklog = relayThroughput(EVENTS);
        Result plainBacklog = plain(EVENTS, 0);
        Result relayPaced = relayLatency(LATENCY_EVENTS, PACE);
        Result plainPaced = plain(LATENCY_EVENTS, PACE);

        System.out.printf("%nOutbox relay benchmark (relay batch %d, consumer prefetch %d)%n", properties.relay().batchSize(),
                properties.consumer().prefetch());
        System.out.println(relayBacklog.describe("relay draining a backlog of %d events (store -> confirmed)".formatted(EVENTS)));
        System.out.println(plainBacklog.describe("plain publish-with-confirms loop, %d msgs (send -> consumed)".formatted(EVENTS)));
        System.out.printf("throughput ratio relay/plain: %.2f%n", relayBacklog.perSecond() / plainBacklog.perSecond());
        System.out.println(relayPaced.describe("outbox at %d/s: commit -> inbox consumer applied".formatted(1000 / PACE.toMillis())));
        System.out.println(plainPaced.describe("plain at %d/s: publish -> listener".formatted(1000 / PACE.toMillis())));
        System.out.printf("(both publish persistent messages to durable quorum queues on the same broker)%n");
        System.out.println();
    }

    /** Events stored while the broker is unreachable, then relayed at once: the relay's own throughput. */
    private Result relayThroughput(int count) throws InterruptedException {
        MessagingTestApplication.BROKER.cut();
        String aggregate = "bench-" + UUID.randomUUID();
        for (int from = 0; from < count; from += 100) {
            int size = Math.min(100, count - from);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    outbox.publish(UserRegistered.TYPE, aggregate, event());
                }
            });
        }
        long start = System.nanoTime();
        MessagingTestApplication.BROKER.restore();
        awaitCount("SELECT count(*) FROM outbox_event WHERE aggregate_id = :a AND published_at IS NOT NULL", aggregate, count);
        long end = System.nanoTime();
        awaitCount("SELECT count(*) FROM test_effect WHERE aggregate_id = :a", aggregate, count);
        long[] lag = jdbc.sql("SELECT extract(epoch FROM published_at - created_at) * 1e9 FROM outbox_event WHERE aggregate_id = :a")
                .param("a", aggregate).query(Double.class).list().stream().mapToLong(Double::longValue).toArray();
        return new Result(count, end - start, lag);
    }

    /** One event per transaction at a steady pace: latency from commit to the consumer's handler. */
    private Result relayLatency(int count, Duration pace) throws InterruptedException {
        String aggregate = "bench-" + UUID.randomUUID();
        Map<UUID, Long> committed = new ConcurrentHashMap<>(count * 2);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * pace.toNanos();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            EventEnvelope event = transactions.execute(status -> outbox.publish(UserRegistered.TYPE, aggregate, event()));
            committed.put(event.eventId(), System.nanoTime());
        }
        awaitCount("SELECT count(*) FROM test_effect WHERE aggregate_id = :a", aggregate, count);
        long end = System.nanoTime();
        long[] latencies = committed.entrySet().stream()
                .mapToLong(entry -> MessagingTestApplication.APPLIED.get(entry.getKey()) - entry.getValue()).toArray();
        long[] stored = jdbc.sql("SELECT extract(epoch FROM published_at - created_at) * 1e9 FROM outbox_event WHERE aggregate_id = :a")
                .param("a", aggregate).query(Double.class).list().stream().mapToLong(Double::longValue).toArray();
        System.out.println(new Result(count, end - start, stored).describe("  of which stored -> confirmed"));
        return new Result(count, end - start, latencies);
    }

    private static UserRegistered event() {
        return new UserRegistered(UUID.randomUUID(), "bench@example.com", "bench", Instant.now());
    }

    private void awaitCount(String sql, String aggregate, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (jdbc.sql(sql).param("a", aggregate).query(Long.class).single() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within 5 minutes: " + sql);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private Result plain(int count, long paceMillis) throws InterruptedException {
        return plain(count, Duration.ofMillis(paceMillis));
    }

    private Result plain(int count, Duration pace) throws InterruptedException {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // The same kind of queue the relay publishes to: durable, quorum, persistent messages.
        String queue = admin.declareQueue(QueueBuilder.durable("benchmark.plain." + UUID.randomUUID()).quorum().build());
        long[] latencies = new long[count];
        CountDownLatch received = new CountDownLatch(count);
        SimpleMessageListenerContainer listener = new SimpleMessageListenerContainer(connectionFactory);
        listener.setQueueNames(queue);
        listener.setPrefetchCount(properties.consumer().prefetch());
        listener.setMessageListener(message -> {
            int index = Integer.parseInt(new String(message.getBody()));
            latencies[index] = System.nanoTime() - (Long) message.getMessageProperties().getHeader("sent");
            received.countDown();
        });
        listener.start();
        long start = System.nanoTime();
        int batch = pace.isZero() ? properties.relay().batchSize() : 1;
        for (int from = 0; from < count; from += batch) {
            int first = from;
            int last = Math.min(count, from + batch);
            if (!pace.isZero()) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, start + from * pace.toNanos() - System.nanoTime()));
            }
            rabbit.invoke(operations -> {
                for (int i = first; i < last; i++) {
                    operations.send("", queue, MessageBuilder.withBody(Integer.toString(i).getBytes())
                            .setHeader("sent", System.nanoTime()).build());
                }
                return operations.waitForConfirms(Duration.ofSeconds(10).toMillis());
            });
        }
        received.await(5, TimeUnit.MINUTES);
        long end = System.nanoTime();
        listener.stop();
        admin.deleteQueue(queue);
        return new Result(count, end - start, latencies);
    }

    record Result(int count, long nanos, long[] latencies) {

        double perSecond() {
            return count / (nanos / 1e9);
        }

        String describe(String what) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return "%-55s %8.0f msg/s   p50 %6.1f ms   p99 %6.1f ms".formatted(what, perSecond(),
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

}
