package dev.kaimono.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import dev.kaimono.events.wire.EventEnvelope;

/**
 * The message being handled on this thread, so that messages written while handling it inherit its
 * correlation id and name it as their cause. Its correlation id is in the logging MDC meanwhile, under
 * {@value #CORRELATION_ID_MDC_KEY}, so every log line of the handling names the business flow.
 */
public final class MessageContext {

    /** The MDC key (and JSON log field) of the correlation id, for messages and HTTP requests alike. */
    public static final String CORRELATION_ID_MDC_KEY = "correlationId";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private MessageContext() {
    }

    public static Optional<EventEnvelope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The correlation id of a message about to be written: the handled message's, or else the HTTP request's
     * (the gateway's {@code X-Correlation-Id} in the MDC, when it is a UUID, as the gateway makes them), so
     * that a shopper's request and the whole flow it starts share one id; or else the new message's own id.
     */
    public static UUID correlationIdFor(UUID eventId) {
        EventEnvelope cause = CURRENT.get();
        if (cause != null) {
            return cause.correlationId();
        }
        String request = MDC.get(CORRELATION_ID_MDC_KEY);
        if (request != null && UUID_FORMAT.matcher(request).matches()) {
            return UUID.fromString(request);
        }
        return eventId;
    }

    static void runWithin(EventEnvelope envelope, Runnable action) {
        EventEnvelope previous = CURRENT.get();
        String previousCorrelation = MDC.get(CORRELATION_ID_MDC_KEY);
        CURRENT.set(envelope);
        MDC.put(CORRELATION_ID_MDC_KEY, envelope.correlationId().toString());
        try {
            action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            if (previousCorrelation == null) {
                MDC.remove(CORRELATION_ID_MDC_KEY);
            } else {
                MDC.put(CORRELATION_ID_MDC_KEY, previousCorrelation);
            }
        }
    }
}
