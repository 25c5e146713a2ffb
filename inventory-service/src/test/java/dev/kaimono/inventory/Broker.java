package dev.kaimono.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestComponent;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;

/**
 * The rest of the platform, as inventory-service sees it over RabbitMQ: sends commands and events the way
 * their producers do (an envelope on {@code kaimono.commands} or {@code kaimono.events}), and listens to
 * what inventory publishes on probe queues.
 */
@TestComponent
class Broker {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final MessageCodec codec;

    Broker(RabbitTemplate rabbit, AmqpAdmin admin, MessageCodec codec) {
        this.rabbit = rabbit;
        this.admin = admin;
        this.codec = codec;
    }

    /** Sends a message as its producer would, as the first message of a new flow. */
    <T> EventEnvelope send(MessageType<T> type, UUID aggregateId, T payload) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(eventId, type.name(), type.version(), Instant.now(), "inventory-it",
                aggregateId.toString(), eventId, null, codec.toData(payload));
        rabbit.send(Topology.exchangeFor(type), type.name(), MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(eventId.toString())
                .setType(type.name())
                .build());
        return envelope;
    }

    /** A queue that receives every message of these types published from now on; close it when done. */
    Probe probe(MessageType<?>... types) {
        Queue queue = new Queue("inventory-it.probe." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        for (MessageType<?> type : types) {
            admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Topology.exchangeFor(type))).with(type.name()));
        }
        return new Probe(queue.getName());
    }

    /** What a probe queue received. */
    final class Probe implements AutoCloseable {

        private final String queue;
        private final List<EventEnvelope> unclaimed = new ArrayList<>();

        private Probe(String queue) {
            this.queue = queue;
        }

        /** The next message of the type whose payload matches, waiting for it up to {@link #PATIENCE}. */
        <T> Received<T> next(MessageType<T> type, Predicate<T> matching) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                Iterator<EventEnvelope> candidates = unclaimed.iterator();
                while (candidates.hasNext()) {
                    EventEnvelope envelope = candidates.next();
                    if (envelope.eventType().equals(type.name())) {
                        T payload = codec.payload(envelope, type);
                        if (matching.test(payload)) {
                            candidates.remove();
                            return new Received<>(envelope, payload);
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No %s matching the test arrived within %s".formatted(type.name(), PATIENCE));
                }
                Message message = rabbit.receive(queue, Math.min(Duration.ofNanos(left).toMillis(), 1000));
                if (message != null) {
                    unclaimed.add(codec.decode(message.getBody()));
                }
            }
        }

        @Override
        public void close() {
            admin.deleteQueue(queue);
        }
    }

    /** A message a probe received: its envelope and its payload as the contract. */
    record Received<T>(EventEnvelope envelope, T payload) {
    }
}
