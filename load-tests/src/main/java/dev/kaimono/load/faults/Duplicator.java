package dev.kaimono.load.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;

/**
 * A fault for the fault suite: duplicate deliveries. It joins each named queue as one more competing consumer and
 * puts every message it receives back on that queue twice, as it came (body, message id, type, headers), then
 * acknowledges the original: the services receive those messages twice. Its share of each queue is what RabbitMQ
 * gives one consumer among the services' (prefetch 1), a third to a twentieth, so well over 1 % of every queue's
 * messages arrive twice. Copies go to the back of the queue, so they also arrive out of order.
 *
 * <p>As a program: {@code Duplicator <vhost> <seconds> <queue>...}; RabbitMQ as {@link BrokerConnections} finds it. Prints how many messages of each queue it doubled. Tests
 * use {@link #start} and {@link #close} around the work they want doubled.
 */
public final class Duplicator implements AutoCloseable {

    private final Connection connection;
    private final Map<String, AtomicLong> doubled = new LinkedHashMap<>();

    private Duplicator(Connection connection) {
        this.connection = connection;
    }

    public static void main(String[] args) throws IOException, TimeoutException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: Duplicator <vhost> <seconds> <queue>...");
            System.exit(2);
        }
        Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
        try (Duplicator duplicator = start(args[0], List.of(args).subList(2, args.length))) {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            duplicator.doubled().forEach((queue, count) ->
                    System.out.printf("%s: %d messages delivered twice%n", queue, count));
        }
    }

    /** Starts doubling on each of these queues of the virtual host (every one must exist) until closed. */
    public static Duplicator start(String virtualHost, List<String> queues) throws IOException, TimeoutException {
        Duplicator duplicator = new Duplicator(BrokerConnections.to(virtualHost).newConnection("kaimono-fault-duplicator"));
        try {
            for (String queue : queues) {
                AtomicLong count = new AtomicLong();
                duplicator.doubled.put(queue, count);
                duplicate(duplicator.connection.createChannel(), queue, count);
            }
        } catch (IOException | RuntimeException e) {
            duplicator.close();
            throw e;
        }
        return duplicator;
    }

    /** How many messages of each queue were put back twice so far. */
    public Map<String, Long> doubled() {
        Map<String, Long> counts = new LinkedHashMap<>();
        doubled.forEach((queue, count) -> counts.put(queue, count.get()));
        return counts;
    }

    /** Stops doubling: a message held at that moment goes back to its queue unacknowledged, so none is lost. */
    @Override
    public void close() throws IOException {
        connection.close();
    }

    private static void duplicate(Channel channel, String queue, AtomicLong doubled) throws IOException {
        channel.basicQos(1);
        channel.confirmSelect();
        DeliverCallback twice = (tag, delivery) -> {
            for (int copy = 0; copy < 2; copy++) {
                channel.basicPublish("", queue, delivery.getProperties(), delivery.getBody());
            }
            try {
                channel.waitForConfirmsOrDie(10_000);
            } catch (TimeoutException notConfirmed) {
                // The copies may be lost: the original goes back to the queue, so nothing is.
                channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
                return;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
                return;
            }
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            doubled.incrementAndGet();
        };
        channel.basicConsume(queue, false, "kaimono-fault-duplicator", twice, consumerTag -> { });
    }
}
