package dev.kaimono.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;

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

    /** Handles the type in one transaction with the inbox record: all of its effects happen once, or not at all. */
    public <T> MessageHandlers on(MessageType<T> type, MessageHandler<T> handler) {
        return register(new Registration<>(type, handler, true));
    }

    /**
     * Handles the type outside the inbox transaction, for a handler that waits on something remote between short
     * transactions of its own (a payment provider) and is idempotent by itself (per order). No database connection
     * is held while it waits. The inbox skips a delivery it has recorded and records one after the handler succeeded;
     * a redelivery in between (the process died after the handler's effects) runs the handler again, which it must
     * take as a repeat.
     */
    public <T> MessageHandlers onIdempotent(MessageType<T> type, MessageHandler<T> handler) {
        return register(new Registration<>(type, handler, false));
    }

    private MessageHandlers register(Registration<?> registration) {
        if (byType.putIfAbsent(registration.type().name(), registration) != null) {
            throw new IllegalArgumentException(queue + " already handles " + registration.type().name());
        }
        return this;
    }

    public String queueName() {
        return queue;
    }

    List<MessageType<?>> types() {
        return byType.values().stream().<MessageType<?>>map(Registration::type).toList();
    }

    /** False for a type handled with {@link #onIdempotent}: its handler runs outside the inbox transaction. */
    boolean inInboxTransaction(String eventType) {
        Registration<?> registration = byType.get(eventType);
        return registration == null || registration.inInboxTransaction();
    }

    /**
     * Refuses a handler that relies on the inbox transaction, for a store that has none.
     *
     * @throws IllegalStateException naming the first such type
     */
    void requireAllIdempotent() {
        byType.values().stream().filter(Registration::inInboxTransaction).findFirst().ifPresent(registration -> {
            throw new IllegalStateException(queue + " handles " + registration.type().name() + " in the inbox transaction,"
                    + " but this service's store has no transactions: register it with onIdempotent");
        });
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

    private record Registration<T>(MessageType<T> type, MessageHandler<T> handler, boolean inInboxTransaction) {

        void dispatch(EventEnvelope envelope, MessageCodec codec) {
            handler.handle(codec.payload(envelope, type), envelope);
        }
    }
}
