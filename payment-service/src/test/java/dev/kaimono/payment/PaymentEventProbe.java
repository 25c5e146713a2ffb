package dev.kaimono.payment;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
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

/** A queue of the test's own, bound to {@code payment.*} on the events exchange: what other services would receive. */
final class PaymentEventProbe implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final MessageCodec codec;
    private final String queue = "payment-service-it.probe." + UUID.randomUUID();
    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

    PaymentEventProbe(AmqpAdmin admin, RabbitTemplate rabbit, MessageCodec codec) {
        this.admin = admin;
        this.rabbit = rabbit;
        this.codec = codec;
        Queue probe = new Queue(queue, false, false, false);
        admin.declareQueue(probe);
        admin.declareBinding(BindingBuilder.bind(probe).to(new TopicExchange(Topology.EVENTS_EXCHANGE)).with("payment.*"));
    }

    /** Waits until at least {@code count} events of the type arrived for the order, and returns all of them so far. */
    List<EventEnvelope> await(MessageType<?> type, UUID orderId, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> received(type, orderId).size() >= count);
        return received(type, orderId);
    }

    /** Events of the type for the order received so far. */
    List<EventEnvelope> received(MessageType<?> type, UUID orderId) {
        drain();
        return received.stream()
                .filter(envelope -> envelope.eventType().equals(type.name()) && envelope.aggregateId().equals(orderId.toString()))
                .toList();
    }

    <T> T payload(EventEnvelope envelope, MessageType<T> type) {
        return codec.payload(envelope, type);
    }

    private void drain() {
        Message message;
        while ((message = rabbit.receive(queue)) != null) {
            received.add(codec.decode(message.getBody()));
        }
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
    }
}
