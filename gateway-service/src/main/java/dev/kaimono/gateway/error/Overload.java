package dev.kaimono.gateway.error;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

/**
 * The gateway's own refusals of a call it had no room for: a service's bulkhead already holds as many calls as
 * it allows, or a connection pool had no connection to lend in time or no room left in its queue. They tell
 * nothing about the service's health, so they answer 503 with {@code Retry-After} (ADR 0015) and never count
 * towards opening its circuit breaker.
 */
public final class Overload {

    private static final int MAX_CAUSE_DEPTH = 16;

    private Overload() {
    }

    /**
     * Whether the gateway shed this call itself, anywhere in the cause chain: the routing filter wraps a pool's
     * acquire timeout in its own 504, which must not hide that the call never left the gateway.
     */
    public static boolean shedByGateway(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof BulkheadFullException || cause instanceof PoolAcquirePendingLimitException
                    || cause instanceof PoolAcquireTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
