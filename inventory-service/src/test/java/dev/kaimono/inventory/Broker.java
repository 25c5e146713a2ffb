package dev.kaimono.inventory;

import java.time.Instant;
import java.util.UUID;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestComponent;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.BrokerProbe;

/**
 * The rest of the platform, as inventory-service sees it over RabbitMQ: sends commands and events the way
 * their producers do (an envelope on {@code kaimono.commands} or {@code kaimono.events}), and listens to
 * what inventory publishes on probe queues ({@link BrokerProbe}).
 */
@TestComponent
class Broker {

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;

    Broker(RabbitTemplate rabbit, MessageCodec codec) {
        this.rabbit = rabbit;
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

    /** A probe queue that receives every message of these types published from now on; close it when done. */
    BrokerProbe probe(MessageType<?>... types) {
        return BrokerProbe.on(rabbit.getConnectionFactory()).named("inventory-it").of(types).open();
    }
}
