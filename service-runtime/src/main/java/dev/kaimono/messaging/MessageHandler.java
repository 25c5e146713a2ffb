package dev.kaimono.messaging;

import dev.kaimono.events.wire.EventEnvelope;

/** Applies one message to a service's state; runs in the transaction that also records it in the inbox. */
@FunctionalInterface
public interface MessageHandler<T> {

    void handle(T payload, EventEnvelope envelope);
}
