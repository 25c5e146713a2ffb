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
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.UserRegistered;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * A benchmark, not a test: it asserts nothing and is not run by {@code ./mvnw verify}. Run it with
 * <pre>./mvnw -B -pl shared-events verify -Dit.test=OutboxRelayBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It measures, against the real PostgreSQL and RabbitMQ, (1) events committed one per transaction
 * through the outbox, relayed with confirms, and applied by an inbox consumer (commit to handler), next
 * to (2) a plain publish-with-confirms loop (confirms awaited per batch of the relay's size) into a
 * consumer that does no database work (publish to listener). Results are printed.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=benchmark", "logging.level.root=ERROR"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class OutboxRelayBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 5000);
    private static final int WARMUP = 500;

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
        relay(WARMUP);
        Result relay = relay(EVENTS);
        plain(WARMUP);
        Result plain = plain(EVENTS);

        System.out.printf("%nOutbox relay benchmark (%d events, batch %d, PostgreSQL %s, RabbitMQ %s)%n", EVENTS,
                properties.relay().batchSize(), "127.0.0.1", "127.0.0.1");
        System.out.println(relay.describe("outbox + relay + inbox consumer (commit -> handler)"));
        System.out.println(plain.describe("plain publish with confirms (publish -> listener)"));
        System.out.printf("throughput ratio relay/plain: %.2f%n%n", relay.perSecond() / plain.perSecond());
    }

    private Result relay(int count) throws InterruptedException {
        String aggregate = "bench-" + UUID.randomUUID();
        Map<UUID, Long> committed = new ConcurrentHashMap<>(count * 2);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            EventEnvelope event = transactions.execute(status -> outbox.publish(UserRegistered.TYPE, aggregate,
                    new UserRegistered(UUID.randomUUID(), "bench@example.com", "bench", Instant.now())));
            committed.put(event.eventId(), System.nanoTime());
        }
        awaitApplied(aggregate, count);
        long end = System.nanoTime();
        long[] latencies = jdbc.sql("SELECT event_id FROM test_effect WHERE aggregate_id = :a").param("a", aggregate)
                .query(UUID.class).list().stream().mapToLong(id -> MessagingTestApplication.APPLIED.get(id) - committed.get(id))
                .toArray();
        return new Result(count, end - start, latencies);
    }

    private void awaitApplied(String aggregate, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (jdbc.sql("SELECT count(*) FROM test_effect WHERE aggregate_id = :a").param("a", aggregate)
                .query(Long.class).single() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events were not applied within 5 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private Result plain(int count) throws InterruptedException {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        String queue = admin.declareQueue(new Queue("benchmark.plain." + UUID.randomUUID(), false, false, true));
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
        int batch = properties.relay().batchSize();
        for (int from = 0; from < count; from += batch) {
            int first = from;
            int last = Math.min(count, from + batch);
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
