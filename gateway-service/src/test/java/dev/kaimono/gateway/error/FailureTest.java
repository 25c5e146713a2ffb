package dev.kaimono.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import dev.kaimono.gateway.error.Failure.Retry;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {

    private static final Failure OVERLOADED =
            new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.OVERLOADED, false, Retry.SHORTLY);

    @Test
    void mapsAnUnknownRouteToNotFound() {
        assertThat(Failure.of(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(new Failure(HttpStatus.NOT_FOUND, Failure.NOT_FOUND, false));
    }

    @Test
    void mapsARefusedOrTimedOutConnectionToServiceUnavailable() {
        assertThat(Failure.of(new ConnectException("Connection refused")).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Failure.of(new ConnectTimeoutException("connection timed out")).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Failure.of(new UnknownHostException("Failed to resolve 'order-service'")))
                .isEqualTo(new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.UNREACHABLE, false, Retry.SHORTLY));
    }

    @Test
    void asksForARetryShortlyWithEveryOtherServiceUnavailable() {
        assertThat(Failure.of(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Unable to find instance")))
                .isEqualTo(new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.UNREACHABLE, false, Retry.SHORTLY));
    }

    @Test
    void mapsAnOpenCircuitToServiceUnavailableUntilTheBreakersPauseIsOver() {
        CallNotPermittedException open = CallNotPermittedException
                .createCallNotPermittedException(CircuitBreaker.ofDefaults("order-service"));
        Failure circuitOpen = new Failure(HttpStatus.SERVICE_UNAVAILABLE, Failure.CIRCUIT_OPEN, false, Retry.AFTER_PAUSE);

        assertThat(Failure.of(open)).isEqualTo(circuitOpen);
        assertThat(Failure.of(new ServiceUnavailableException())).isEqualTo(circuitOpen);
    }

    @Test
    void mapsACallTheBulkheadHadNoRoomForToServiceUnavailableToRetryShortly() {
        BulkheadFullException full = BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("order-service"));

        assertThat(Failure.of(full)).isEqualTo(OVERLOADED);
    }

    @Test
    void mapsAConnectionPoolWithoutRoomToServiceUnavailableEvenBehindTheRoutingTimeout() {
        // How the routing filter reports a pool's acquire timeout: as its own 504 around it.
        ResponseStatusException acquireTimeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout", new PoolAcquireTimeoutException(Duration.ofSeconds(1)));

        assertThat(Failure.of(acquireTimeout)).isEqualTo(OVERLOADED);
        assertThat(Failure.of(new PoolAcquireTimeoutException(Duration.ofSeconds(1)))).isEqualTo(OVERLOADED);
        assertThat(Failure.of(new PoolAcquirePendingLimitException(32))).isEqualTo(OVERLOADED);
    }

    @Test
    void mapsAResponseTimeoutToGatewayTimeout() {
        ResponseStatusException routingTimeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout: PT5S", new TimeoutException());

        assertThat(Failure.of(routingTimeout)).isEqualTo(new Failure(HttpStatus.GATEWAY_TIMEOUT, Failure.TOO_SLOW, false));
        assertThat(Failure.of(new TimeoutException()).status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(Failure.of(ReadTimeoutException.INSTANCE))
                .isEqualTo(new Failure(HttpStatus.GATEWAY_TIMEOUT, Failure.TOO_SLOW, false, Retry.NOT_ADVISED));
    }

    @Test
    void mapsABrokenDownstreamExchangeToBadGateway() {
        assertThat(Failure.of(PrematureCloseException.TEST_EXCEPTION))
                .isEqualTo(new Failure(HttpStatus.BAD_GATEWAY, Failure.BAD_GATEWAY, false));
        assertThat(Failure.of(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isEqualTo(new Failure(HttpStatus.BAD_GATEWAY, Failure.BAD_GATEWAY, false, Retry.NOT_ADVISED));
        assertThat(Failure.of(new SocketException("Connection reset")).status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void mapsAConnectionClosedBeforeTheRequestWentOutToBadGateway() {
        // A pooled connection the service closed just as the gateway reused it.
        assertThat(Failure.of(new AbortedException("Connection has been closed BEFORE send operation")))
                .isEqualTo(new Failure(HttpStatus.BAD_GATEWAY, Failure.BAD_GATEWAY, false, Retry.NOT_ADVISED));
    }

    @Test
    void mapsAResponseThatCannotBeReadToBadGateway() {
        assertThat(Failure.of(new TooLongHttpHeaderException("HTTP header is larger than 8192 bytes.")))
                .isEqualTo(new Failure(HttpStatus.BAD_GATEWAY, Failure.BAD_GATEWAY, false, Retry.NOT_ADVISED));
    }

    @Test
    void findsTheCauseInsideAWrapper() {
        assertThat(Failure.of(new IllegalStateException("wrapped", new ConnectException("refused"))).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void mapsAnythingElseToAnUnexpectedInternalError() {
        assertThat(Failure.of(new NullPointerException("bug")))
                .isEqualTo(new Failure(HttpStatus.INTERNAL_SERVER_ERROR, Failure.INTERNAL, true));
    }

    @Test
    void keepsTheStatusOfOtherRejectionsWithoutExposingTheirReason() {
        Failure failure = Failure.of(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "limit 256KiB exceeded"));

        assertThat(failure).isEqualTo(new Failure(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large.", false));
    }
}
