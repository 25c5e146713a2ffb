package dev.kaimono.payment;

import java.time.Instant;
import java.util.UUID;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.MessageTypes;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;

/** Sends commands and events to payment-service the way order-service does: enveloped, on the topic exchanges. */
final class OrderServiceStandIn {

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;

    OrderServiceStandIn(RabbitTemplate rabbit, MessageCodec codec) {
        this.rabbit = rabbit;
        this.codec = codec;
    }

    /** Sends a new message (its own event id) about an order. */
    <T> EventEnvelope send(MessageType<T> type, UUID orderId, T payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), Instant.now(),
                "order-service", orderId.toString(), UUID.randomUUID(), null, codec.toData(payload));
        deliver(envelope);
        return envelope;
    }

    /** Delivers a message again, as the broker does after a lost acknowledgement. */
    void deliver(EventEnvelope envelope) {
        MessageType<?> type = MessageTypes.byName(envelope.eventType()).orElseThrow();
        rabbit.send(Topology.exchangeFor(type), type.name(), MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(envelope.eventId().toString())
                .setType(envelope.eventType())
                .build());
    }
}
