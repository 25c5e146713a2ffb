package dev.kaimono.order;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;

/**
 * Listens, as another service would, to what order-service sends: every command on {@code kaimono.commands}
 * and every {@code order.*} event on {@code kaimono.events}, through a queue of its own.
 */
final class MessageProbe implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    private final MessageCodec codec;
    private final SimpleMessageListenerContainer container;

    MessageProbe(ConnectionFactory connectionFactory, AmqpAdmin admin, MessageCodec codec) {
        this.codec = codec;
        // Not auto-delete: Spring pauses cached test contexts (closing their connections) and resumes them later.
        Queue queue = new Queue("order-it.probe." + UUID.randomUUID(), false, false, false);
        TopicExchange commands = new TopicExchange(Topology.COMMANDS_EXCHANGE, true, false);
        TopicExchange events = new TopicExchange(Topology.EVENTS_EXCHANGE, true, false);
        admin.declareExchange(commands);
        admin.declareExchange(events);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(commands).with("#"));
        admin.declareBinding(BindingBuilder.bind(queue).to(events).with("order.*"));
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue.getName());
        container.setMessageListener(message -> received.add(codec.decode(message.getBody())));
        container.start();
    }

    /** Every message of the type about the order received so far, in arrival order. */
    <T> List<T> all(UUID orderId, MessageType<T> type) {
        return envelopes(orderId, type).stream().map(envelope -> codec.payload(envelope, type)).toList();
    }

    List<EventEnvelope> envelopes(UUID orderId, MessageType<?> type) {
        return received.stream()
                .filter(envelope -> envelope.eventType().equals(type.name()) && envelope.aggregateId().equals(orderId.toString()))
                .toList();
    }

    /** Waits for the {@code nth} (from 1) message of the type about the order. */
    <T> T awaitNth(UUID orderId, MessageType<T> type, int nth) {
        Awaitility.await().atMost(PATIENCE).until(() -> envelopes(orderId, type).size() >= nth);
        return all(orderId, type).get(nth - 1);
    }

    <T> T await(UUID orderId, MessageType<T> type) {
        return awaitNth(orderId, type, 1);
    }

    @Override
    public void close() {
        container.stop();
    }
}
