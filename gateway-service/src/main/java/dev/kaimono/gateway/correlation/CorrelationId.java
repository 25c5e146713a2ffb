package dev.kaimono.gateway.correlation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of a request: the client's {@value #HEADER} when it is a safe token, otherwise a new
 * UUID. It travels downstream in the same header and comes back on every response, errors included.
 */
public final class CorrelationId {

    /** The request and response header that carries the id. */
    public static final String HEADER = "X-Correlation-Id";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The id of this exchange, as settled by the correlation filter. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : accept(exchange.getRequest().getHeaders().getFirst(HEADER));
    }

    /** The client's id when it is 1–64 characters of {@code [A-Za-z0-9._-]}, otherwise a fresh UUID. */
    static String accept(@Nullable String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return randomUuid().toString();
    }

    /**
     * A version 4 UUID from {@link ThreadLocalRandom}: a correlation id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} reads the operating system's secure random source under a lock for every request.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
        return new UUID(high, low);
    }
}
