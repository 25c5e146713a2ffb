package dev.kaimono.load.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;

/**
 * A fault for the fault suite: duplicate deliveries. It joins each named queue as one more competing consumer and
 * puts every message it receives back on that queue twice, as it came (body, message id, type, headers), then
 * acknowledges the original: the services receive those messages twice. Its share of each queue is what RabbitMQ
 * gives one consumer among the services' (prefetch 1), a third to a twentieth, so well over 1 % of every queue's
 * messages arrive twice. Copies go to the back of the queue, so they also arrive out of order.
 *
 * <p>Usage: {@code Duplicator <vhost> <seconds> <queue>...}; RabbitMQ at {@code RABBITMQ_HOST}/{@code _PORT} with
 * {@code RABBITMQ_USER}/{@code _PASSWORD} (guest). Prints how many messages of each queue it doubled.
 */
public final class Duplicator {

    private Duplicator() {
    }

    public static void main(String[] args) throws IOException, TimeoutException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: Duplicator <vhost> <seconds> <queue>...");
            System.exit(2);
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(args[0]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
        List<String> queues = List.of(args).subList(2, args.length);
        try (Connection connection = factory.newConnection("kaimono-fault-duplicator")) {
            AtomicLong[] doubled = new AtomicLong[queues.size()];
            for (int i = 0; i < queues.size(); i++) {
                doubled[i] = new AtomicLong();
                duplicate(connection.createChannel(), queues.get(i), doubled[i]);
            }
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            for (int i = 0; i < queues.size(); i++) {
                System.out.printf("%s: %d messages delivered twice%n", queues.get(i), doubled[i].get());
            }
        }
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
