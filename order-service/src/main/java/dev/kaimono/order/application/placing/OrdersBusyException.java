package dev.kaimono.order.application.placing;

import java.time.Duration;

/** The order pipeline is behind; the order was refused before anything was stored (503 with Retry-After). */
public class OrdersBusyException extends RuntimeException {

    private final Duration retryAfter;

    public OrdersBusyException(Duration retryAfter) {
        super("Too many orders are being processed right now; nothing was stored, retry after "
                + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
