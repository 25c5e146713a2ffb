package dev.kaimono.inventory.grpc;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;

import dev.kaimono.inventory.application.StockItemNotFoundException;
import dev.kaimono.runtime.StoreOutages;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one place where an exception of a call becomes a gRPC status, with the REST API's problem kinds as
 * details: what the gateway needs to answer the same problem details as the REST API would.
 */
final class Statuses {

    /** The domain of every {@link ErrorInfo} inventory sends. */
    static final String DOMAIN = "kaimono.dev";

    private static final Logger log = LoggerFactory.getLogger(Statuses.class);
    private static final long STORE_RETRY_AFTER_SECONDS = 5;

    private Statuses() {
    }

    /** {@code INVALID_ARGUMENT} naming each offending field of the request. */
    static StatusRuntimeException invalid(Map<String, String> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        violations.forEach((field, message) -> badRequest.addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(field).setDescription(message)));
        return status(Code.INVALID_ARGUMENT, "Invalid request", List.of(Any.pack(badRequest.build())));
    }

    static StatusRuntimeException of(RuntimeException failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof StockItemNotFoundException notFound) {
            return status(Code.NOT_FOUND, notFound.getMessage(), List.of(problem("product-not-found", "Product not found")));
        }
        if (StoreOutages.causedBy(failure)) {
            log.warn("The database did not answer: {}", failure.toString());
            return status(Code.UNAVAILABLE, "The service cannot reach its database right now; try again in "
                    + STORE_RETRY_AFTER_SECONDS + " seconds", List.of(problem("database-unavailable", "Database unavailable"),
                    Any.pack(RetryInfo.newBuilder()
                            .setRetryDelay(Duration.newBuilder().setSeconds(STORE_RETRY_AFTER_SECONDS)).build())));
        }
        log.error("A gRPC call failed", failure);
        return status(Code.INTERNAL, "inventory-service could not handle this call", List.of());
    }

    private static Any problem(String kind, String title) {
        return Any.pack(ErrorInfo.newBuilder().setReason(kind).setDomain(DOMAIN).putMetadata("title", title).build());
    }

    private static StatusRuntimeException status(Code code, String message, List<Any> details) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder().setCode(code.getNumber()).setMessage(message)
                .addAllDetails(details).build());
    }
}
