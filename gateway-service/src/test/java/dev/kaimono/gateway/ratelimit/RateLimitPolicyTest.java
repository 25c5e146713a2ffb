package dev.kaimono.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitPolicyTest {

    @ParameterizedTest(name = "{0}/s, burst {1}, {2} token(s) a request: retry after {3}s")
    @CsvSource({
            "1, 5, 1, 1",
            "20, 40, 1, 1",
            "1, 10, 3, 3",
            "2, 10, 5, 3",
            "4, 10, 10, 3",
    })
    void computesRetryAfterAsTheWholeSecondsToEarnOneRequest(int rate, int burst, int cost, long expected) {
        assertThat(new RateLimitProperties.Policy(rate, burst, cost).retryAfterSeconds()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "burst {0}, {1} token(s) a request: leases of {2} requests")
    @CsvSource({
            "5, 2, 1",
            "40, 1, 2",
            "320, 2, 10",
            "100000, 1, 64",
    })
    void leasesASixteenthOfTheBurstBetweenOneAndSixtyFourRequests(int burst, int cost, int expected) {
        assertThat(new RateLimitProperties.Policy(1, burst, cost).leaseRequests()).isEqualTo(expected);
    }

    @Test
    void refusesABurstSmallerThanTheReplenishRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Policy(10, 5, 1))
                .withMessageContaining("burst-capacity");
    }

    @Test
    void refusesAPolicyThatNeverReplenishes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Policy(0, 5, 1))
                .withMessageContaining("replenish-rate");
    }
}
