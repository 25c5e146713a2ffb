package dev.kaimono.gateway.error;

import java.net.ConnectException;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.kaimono.gateway.error.Failure.Retry;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final RetryAfter retryAfter = new RetryAfter(Duration.ofMillis(1500), Duration.ofSeconds(10));

    @Test
    void asksForTheBreakersPauseAfterAnOpenCircuitAndAShortWaitOtherwiseInWholeSecondsRoundedUp() {
        assertThat(header(new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.CIRCUIT_OPEN, false, Retry.AFTER_PAUSE)))
                .isEqualTo("10");
        assertThat(header(new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.UNREACHABLE, false, Retry.SHORTLY)))
                .isEqualTo("2");
    }

    @Test
    void givesNoAdviceWhereTheFailureHasNone() {
        assertThat(header(new Failure(HttpStatus.GATEWAY_TIMEOUT, Failure.TOO_SLOW, false))).isNull();
    }

    @Test
    void asksForAtLeastOneSecond() {
        HttpHeaders headers = new HttpHeaders();
        new RetryAfter(Duration.ofMillis(1), Duration.ofMillis(1)).header(new ConnectException("refused")).accept(headers);

        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void tellsWhenToRetryFromTheErrorThatCausedA503() {
        HttpHeaders open = new HttpHeaders();
        retryAfter.header(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")))
                .accept(open);
        HttpHeaders refused = new HttpHeaders();
        retryAfter.header(new ConnectException("refused")).accept(refused);

        assertThat(open.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(refused.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }

    private String header(Failure failure) {
        HttpHeaders headers = new HttpHeaders();
        retryAfter.header(failure).accept(headers);
        return headers.getFirst(HttpHeaders.RETRY_AFTER);
    }
}
