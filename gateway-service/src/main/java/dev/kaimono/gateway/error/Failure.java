package dev.kaimono.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.StatusRuntimeException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.channel.AbortedException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

/**
 * What an exception that escaped the gateway means to the client: its status, a detail that says what
 * happened without exposing internals, and when to try again. A downstream that cannot be reached, is paused
 * by its circuit breaker or has no room left for another call is 503 with {@code Retry-After}, one that
 * answers too late 504, one that breaks the exchange or answers what cannot be read 502; anything unforeseen
 * is 500.
 *
 * @param status     the status the client gets
 * @param detail     the problem's {@code detail}
 * @param unexpected whether this is a gateway bug worth a stack trace in the log
 * @param retry      whether the answer tells the client when to try again
 */
record Failure(HttpStatus status, String detail, boolean unexpected, Retry retry) {

    static final String NOT_FOUND = "No route matches this path.";
    static final String UNREACHABLE = "The downstream service is unavailable.";
    static final String CIRCUIT_OPEN = "The downstream service is failing; requests to it are paused briefly.";
    static final String OVERLOADED = "The downstream service is busy with other requests; try again shortly.";
    static final String TOO_SLOW = "The downstream service did not answer in time.";
    static final String BAD_GATEWAY = "The downstream service sent an incomplete or invalid response.";
    static final String INTERNAL = "The gateway could not handle this request.";

    private static final int MAX_CAUSE_DEPTH = 16;

    /** When the client is told to try again ({@code Retry-After}); every 503 tells it. */
    enum Retry {
        /** No advice: the same request fails the same way, or nobody can tell when it would not. */
        NOT_ADVISED,
        /** After a short wait: the service was busy or unreachable just now. */
        SHORTLY,
        /** After the service's circuit breaker has paused calls to it for its wait in the open state. */
        AFTER_PAUSE
    }

    Failure(HttpStatus status, String detail, boolean unexpected) {
        this(status, detail, unexpected, status == HttpStatus.SERVICE_UNAVAILABLE ? Retry.SHORTLY : Retry.NOT_ADVISED);
    }

    /**
     * Classifies the error: a call the gateway shed itself wherever it sits in the cause chain (it may hide
     * behind a timeout), otherwise the first cause in the chain that the gateway recognises.
     */
    static Failure of(Throwable error) {
        if (Overload.shedByGateway(error)) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, OVERLOADED, false);
        }
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            Failure failure = classify(cause);
            if (failure != null) {
                return failure;
            }
        }
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, true);
    }

    private static Failure classify(Throwable cause) {
        return switch (cause) {
            case ErrorResponse response -> ofStatus(response.getStatusCode());
            case CallNotPermittedException open -> circuitOpen();
            case ServiceUnavailableException open -> circuitOpen();
            case ConnectException refused -> new Failure(HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE, false);
            case UnknownHostException unknown -> new Failure(HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE, false);
            case TimeoutException timeout -> new Failure(HttpStatus.GATEWAY_TIMEOUT, TOO_SLOW, false);
            case ReadTimeoutException timeout -> new Failure(HttpStatus.GATEWAY_TIMEOUT, TOO_SLOW, false);
            case IOException broken -> new Failure(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, false);
            case AbortedException closed -> new Failure(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, false);
            case DecoderException unreadable -> new Failure(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, false);
            case StatusRuntimeException grpc -> ofGrpc(grpc);
            default -> null;
        };
    }

    /**
     * A gRPC call's status, where the gateway converts HTTP to gRPC (ADR 0032) and the call's answer was not one the
     * route turns into a problem of the service's own (a 400, a 404): unreachable or overloaded is 503, too late
     * 504, a status a well-behaved service never sends the gateway (INTERNAL, UNIMPLEMENTED, ...) 502.
     */
    private static Failure ofGrpc(StatusRuntimeException grpc) {
        return switch (grpc.getStatus().getCode()) {
            case UNAVAILABLE -> new Failure(HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE, false);
            case RESOURCE_EXHAUSTED -> new Failure(HttpStatus.SERVICE_UNAVAILABLE, OVERLOADED, false);
            case DEADLINE_EXCEEDED -> new Failure(HttpStatus.GATEWAY_TIMEOUT, TOO_SLOW, false);
            default -> new Failure(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, false);
        };
    }

    private static Failure circuitOpen() {
        return new Failure(HttpStatus.SERVICE_UNAVAILABLE, CIRCUIT_OPEN, false, Retry.AFTER_PAUSE);
    }

    private static Failure ofStatus(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, true);
        }
        String detail = switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case SERVICE_UNAVAILABLE -> UNREACHABLE;
            case GATEWAY_TIMEOUT -> TOO_SLOW;
            case BAD_GATEWAY -> BAD_GATEWAY;
            case INTERNAL_SERVER_ERROR -> INTERNAL;
            default -> status.getReasonPhrase() + ".";
        };
        return new Failure(status, detail, status == HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
