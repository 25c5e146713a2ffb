package dev.kaimono.gateway.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How long the gateway waits for a downstream service ({@code kaimono.gateway.routing.*}), how many calls it
 * lets each service have at once, and when a service's circuit breaker opens.
 *
 * @param connectTimeout     time to establish the TCP connection; past it the service counts as down (503)
 * @param responseTimeout    time until the response headers arrive; past it the request fails with 504
 * @param retryAfter         the {@code Retry-After} of a 503 for a busy or unreachable service (an open breaker's
 *                           is its {@link CircuitBreaker#waitDurationInOpenState()})
 * @param maxConcurrentCalls by route id, the calls a service may have in flight through this gateway instance
 *                           (its bulkhead); one more is answered 503 at once (ADR 0015). Every route needs one.
 * @param circuitBreaker     the breaker every service gets its own instance of
 */
@ConfigurationProperties("kaimono.gateway.routing")
public record RoutingProperties(Duration connectTimeout, Duration responseTimeout, Duration retryAfter,
        Map<String, Integer> maxConcurrentCalls, CircuitBreaker circuitBreaker) {

    public RoutingProperties {
        Assert.isTrue(connectTimeout != null && connectTimeout.isPositive(), "connect-timeout must be positive");
        Assert.isTrue(responseTimeout != null && responseTimeout.isPositive(), "response-timeout must be positive");
        Assert.isTrue(retryAfter != null && retryAfter.isPositive(), "retry-after must be positive");
        maxConcurrentCalls = oneForEachRoute(maxConcurrentCalls);
        Assert.notNull(circuitBreaker, "circuit-breaker settings are required");
    }

    private static Map<String, Integer> oneForEachRoute(Map<String, Integer> maxConcurrentCalls) {
        Assert.notNull(maxConcurrentCalls, "max-concurrent-calls is required");
        Set<String> routes = Arrays.stream(Downstream.values()).map(Downstream::serviceId).collect(Collectors.toSet());
        Assert.isTrue(maxConcurrentCalls.keySet().equals(routes),
                () -> "max-concurrent-calls needs exactly one entry per route " + routes + ", got "
                        + maxConcurrentCalls.keySet());
        maxConcurrentCalls.forEach((route, calls) -> Assert.isTrue(calls != null && calls > 0,
                () -> "max-concurrent-calls." + route + " must be positive"));
        return Map.copyOf(maxConcurrentCalls);
    }

    /** The calls the service may have in flight at once through this gateway instance. */
    int maxConcurrentCalls(Downstream downstream) {
        return maxConcurrentCalls.get(downstream.serviceId());
    }

    /**
     * Count-based Resilience4j breaker settings.
     *
     * @param slidingWindowSize     calls the failure rate is computed over
     * @param minimumNumberOfCalls  calls needed before the breaker may open
     * @param failureRateThreshold  percentage of failed calls that opens the breaker
     * @param waitDurationInOpenState how long an open breaker answers 503 before letting trial calls through
     * @param permittedCallsInHalfOpenState trial calls that decide whether the breaker closes again
     */
    record CircuitBreaker(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
            Duration waitDurationInOpenState, int permittedCallsInHalfOpenState) {

        CircuitBreaker {
            Assert.isTrue(slidingWindowSize > 0, "sliding-window-size must be positive");
            Assert.isTrue(minimumNumberOfCalls > 0, "minimum-number-of-calls must be positive");
            Assert.isTrue(failureRateThreshold > 0 && failureRateThreshold <= 100,
                    "failure-rate-threshold must be in (0, 100]");
            Assert.isTrue(waitDurationInOpenState != null && waitDurationInOpenState.isPositive(),
                    "wait-duration-in-open-state must be positive");
            Assert.isTrue(permittedCallsInHalfOpenState > 0, "permitted-calls-in-half-open-state must be positive");
        }
    }
}
