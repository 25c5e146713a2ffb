package dev.kaimono.gateway.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingPropertiesTest {

    @Test
    void needsTheCallsAtOnceOfEveryRoute() {
        Map<String, Integer> calls = everyRoute(64);
        calls.remove("shipping-service");

        assertThatIllegalArgumentException().isThrownBy(() -> routing(calls))
                .withMessageContaining("max-concurrent-calls needs exactly one entry per route");
    }

    @Test
    void refusesCallsAtOnceForARouteThatDoesNotExist() {
        Map<String, Integer> calls = everyRoute(64);
        calls.put("catalog", 256);

        assertThatIllegalArgumentException().isThrownBy(() -> routing(calls)).withMessageContaining("catalog");
    }

    @Test
    void refusesARouteWithoutRoomForAnyCall() {
        Map<String, Integer> calls = everyRoute(64);
        calls.put("order-service", 0);

        assertThatIllegalArgumentException().isThrownBy(() -> routing(calls))
                .withMessage("max-concurrent-calls.order-service must be positive");
    }

    @Test
    void givesEachRouteItsOwnCallsAtOnce() {
        Map<String, Integer> calls = everyRoute(64);
        calls.put("catalog-service", 256);

        assertThat(routing(calls).maxConcurrentCalls(Downstream.CATALOG)).isEqualTo(256);
        assertThat(routing(calls).maxConcurrentCalls(Downstream.ORDER)).isEqualTo(64);
    }

    private static Map<String, Integer> everyRoute(int calls) {
        return Arrays.stream(Downstream.values())
                .collect(Collectors.toMap(Downstream::serviceId, downstream -> calls, (a, b) -> a, HashMap::new));
    }

    private static RoutingProperties routing(Map<String, Integer> calls) {
        return new RoutingProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), calls,
                new RoutingProperties.CircuitBreaker(20, 10, 50, Duration.ofSeconds(10), 3));
    }
}
