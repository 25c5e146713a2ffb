package dev.kaimono.messaging;

import java.util.Optional;

/**
 * The message being handled on this thread, so that messages written while handling it inherit its
 * correlation id and name it as their cause.
 */
public final class MessageContext {

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private MessageContext() {
    }

    public static Optional<EventEnvelope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void runWithin(EventEnvelope envelope, Runnable action) {
        EventEnvelope previous = CURRENT.get();
        CURRENT.set(envelope);
        try {
            action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
