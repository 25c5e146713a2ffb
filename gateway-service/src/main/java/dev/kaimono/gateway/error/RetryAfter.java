package dev.kaimono.gateway.error;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * How long a client is asked to wait ({@code Retry-After}, whole seconds) before it tries again after a 503
 * the gateway produced. Routing decides the durations (ADR 0015); whoever writes a 503 problem asks here.
 *
 * @param shortly     after a service was busy or unreachable just now
 * @param circuitOpen after a service's circuit breaker paused calls to it: the breaker's wait in the open state
 */
public record RetryAfter(Duration shortly, Duration circuitOpen) {

    public RetryAfter {
        Assert.isTrue(shortly != null && shortly.isPositive(), "shortly must be positive");
        Assert.isTrue(circuitOpen != null && circuitOpen.isPositive(), "circuitOpen must be positive");
    }

    /** The {@code Retry-After} header for a 503 that this error caused: the breaker's pause or a short wait. */
    public Consumer<HttpHeaders> header(Throwable error) {
        return header(Failure.of(error).retry() == Failure.Retry.AFTER_PAUSE ? circuitOpen : shortly);
    }

    /** The header the failure's answer carries, none when it gives no advice. */
    Consumer<HttpHeaders> header(Failure failure) {
        return switch (failure.retry()) {
            case NOT_ADVISED -> headers -> { };
            case SHORTLY -> header(shortly);
            case AFTER_PAUSE -> header(circuitOpen);
        };
    }

    private static Consumer<HttpHeaders> header(Duration wait) {
        long seconds = Math.max(1, wait.plusNanos(999_999_999).toSeconds());
        return headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
