package dev.kaimono.shipping;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;

/**
 * A queue of the test's own bound to {@code shipping.*} on {@code kaimono.events}: what a subscriber of
 * shipping's events receives from the broker, in the test context's vhost.
 */
final class ShippingEventProbe implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final MessageCodec codec;
    private final Queue queue;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    ShippingEventProbe(AmqpAdmin admin, RabbitTemplate rabbit, MessageCodec codec) {
        this.admin = admin;
        this.rabbit = rabbit;
        this.codec = codec;
        this.queue = new Queue("shipping-it.probe." + UUID.randomUUID(), false, true, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Topology.EVENTS_EXCHANGE)).with("shipping.*"));
    }

    /** Waits for an event of that type whose payload matches, and returns it with its AMQP message. */
    <T> Received<T> awaitEvent(MessageType<T> type, Predicate<T> matching) {
        return await().atMost(PATIENCE).until(() -> {
            drain();
            return find(type, matching);
        }, Optional::isPresent).orElseThrow();
    }

    /** The types of the events received so far that satisfy the predicate on their envelope, in arrival order. */
    List<String> typesReceived(Predicate<EventEnvelope> matching) {
        drain();
        return received.stream().map(message -> codec.decode(message.getBody())).filter(matching)
                .map(EventEnvelope::eventType).toList();
    }

    private <T> Optional<Received<T>> find(MessageType<T> type, Predicate<T> matching) {
        for (Message message : received) {
            EventEnvelope envelope = codec.decode(message.getBody());
            if (envelope.eventType().equals(type.name())) {
                T payload = codec.payload(envelope, type);
                if (matching.test(payload)) {
                    return Optional.of(new Received<>(message, envelope, payload));
                }
            }
        }
        return Optional.empty();
    }

    private void drain() {
        for (Message message = rabbit.receive(queue.getName()); message != null; message = rabbit.receive(queue.getName())) {
            received.add(message);
        }
    }

    @Override
    public void close() {
        admin.deleteQueue(queue.getName());
    }

    /** An event as it arrived: the AMQP message, its envelope and its payload. */
    record Received<T>(Message message, EventEnvelope envelope, T payload) {
    }
}
