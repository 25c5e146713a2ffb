package dev.kaimono.load;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sees each order settle where the services announce it: a temporary queue (server-named, exclusive, deleted
 * with the connection) bound to {@code kaimono.events} for {@code order.confirmed} and {@code order.cancelled}
 * in the environment's virtual host. Nothing is polled; the services' own queues are untouched.
 */
final class OrderOutcomes implements AutoCloseable {

    static final String EXCHANGE = "kaimono.events";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;

    private OrderOutcomes(Connection connection) {
        this.connection = connection;
    }

    /** Starts listening before the first order is sent, so no outcome is missed. */
    static OrderOutcomes listen(LoadSettings settings, RunRecorder recorder) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.rabbitHost());
        factory.setPort(settings.rabbitPort());
        factory.setUsername(settings.rabbitUser());
        factory.setPassword(settings.rabbitPassword());
        factory.setVirtualHost(settings.virtualHost());
        try {
            Connection connection = factory.newConnection("kaimono-load-test-probe");
            Channel channel = connection.createChannel();
            channel.exchangeDeclarePassive(EXCHANGE);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, EXCHANGE, "order.confirmed");
            channel.queueBind(queue, EXCHANGE, "order.cancelled");
            channel.basicConsume(queue, true, (tag, delivery) -> {
                JsonNode envelope = JSON.readTree(delivery.getBody());
                boolean confirmed = delivery.getEnvelope().getRoutingKey().equals("order.confirmed");
                JsonNode data = envelope.path("data");
                UUID orderId = UUID.fromString(data.path("orderId").asString(envelope.path("aggregateId").asString()));
                recorder.outcome(orderId, confirmed, data.path("reason").asString("UNKNOWN"));
            }, tag -> { });
            return new OrderOutcomes(connection);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot listen for order outcomes in RabbitMQ vhost '%s' on %s:%d (is kaimono.vhost the platform's?): %s"
                    .formatted(settings.virtualHost(), settings.rabbitHost(), settings.rabbitPort(), e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot close the probe's connection", e);
        }
    }
}
