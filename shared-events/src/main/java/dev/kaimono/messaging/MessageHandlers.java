package dev.kaimono.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kaimono.events.MessageType;

/**
 * What one consumer queue of a service handles. Declare one as a bean per queue, e.g.
 * {@code MessageHandlers.queue("inventory-service.commands").on(ReserveStock.TYPE, stock::reserve)};
 * the plumbing declares the queue, binds exactly these routing keys, and runs each delivery through
 * the inbox, the handler and the retry policy.
 */
public final class MessageHandlers {

    private final String queue;
    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

    private MessageHandlers(String queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    public static MessageHandlers queue(String queue) {
        return new MessageHandlers(queue);
    }

    public <T> MessageHandlers on(MessageType<T> type, MessageHandler<T> handler) {
        if (byType.putIfAbsent(type.name(), new Registration<>(type, handler)) != null) {
            throw new IllegalArgumentException(queue + " already handles " + type.name());
        }
        return this;
    }

    public String queueName() {
        return queue;
    }

    List<MessageType<?>> types() {
        return byType.values().stream().<MessageType<?>>map(Registration::type).toList();
    }

    /** Decodes the envelope's data for the registered type and hands it to the handler. */
    boolean dispatch(EventEnvelope envelope, MessageCodec codec) {
        Registration<?> registration = byType.get(envelope.eventType());
        if (registration == null) {
            return false;
        }
        registration.dispatch(envelope, codec);
        return true;
    }

    private record Registration<T>(MessageType<T> type, MessageHandler<T> handler) {

        void dispatch(EventEnvelope envelope, MessageCodec codec) {
            handler.handle(codec.payload(envelope, type), envelope);
        }
    }
}
