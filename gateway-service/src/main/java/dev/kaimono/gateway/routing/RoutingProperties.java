package dev.kaimono.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How long the gateway waits for a downstream service ({@code kaimono.gateway.routing.*}), when a service's
 * circuit breaker opens, and when clients are told to retry.
 *
 * @param connectTimeout  time to establish the TCP connection; past it the service counts as down (503)
 * @param responseTimeout time until the response headers arrive; past it the request fails with 504
 * @param retryAfter      the {@code Retry-After} of a 503 for an unreachable service (an open breaker's is its
 *                        {@link CircuitBreaker#waitDurationInOpenState()})
 * @param circuitBreaker  the breaker every service gets its own instance of
 */
@ConfigurationProperties("kaimono.gateway.routing")
record RoutingProperties(Duration connectTimeout, Duration responseTimeout, Duration retryAfter,
        CircuitBreaker circuitBreaker) {

    RoutingProperties {
        Assert.isTrue(connectTimeout != null && connectTimeout.isPositive(), "connect-timeout must be positive");
        Assert.isTrue(responseTimeout != null && responseTimeout.isPositive(), "response-timeout must be positive");
        Assert.isTrue(retryAfter != null && retryAfter.isPositive(), "retry-after must be positive");
        Assert.notNull(circuitBreaker, "circuit-breaker settings are required");
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
