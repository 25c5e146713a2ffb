package dev.kaimono.gateway.grpc;

import java.util.List;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;

import dev.kaimono.gateway.error.Problems.FieldError;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * What a gRPC status says in terms of the REST API: the {@code google.rpc} details a Kaimono service attaches
 * (ErrorInfo with the problem kind and title, BadRequest with the offending fields, RetryInfo with the wait).
 */
public final class GrpcStatuses {

    /** The trailer that carries a status's details ({@code google.rpc.Status}). */
    static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private static final int MAX_CAUSE_DEPTH = 16;

    private GrpcStatuses() {
    }

    /** The gRPC status in the failure's cause chain, if any. */
    static Optional<StatusRuntimeException> in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException status) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether the call failed because the service does not know the thing asked for. */
    public static boolean notFound(Throwable failure) {
        return failure instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    static Optional<ErrorInfo> errorInfo(StatusRuntimeException status) {
        return detail(status, ErrorInfo.class);
    }

    static Optional<Long> retryAfterSeconds(StatusRuntimeException status) {
        return detail(status, RetryInfo.class).map(retry -> Math.max(1, retry.getRetryDelay().getSeconds()));
    }

    /** The offending fields, named as the REST API names them (camelCase: {@code product_id} is {@code productId}). */
    static List<FieldError> fieldErrors(StatusRuntimeException status) {
        return detail(status, BadRequest.class).map(request -> request.getFieldViolationsList().stream()
                .map(violation -> new FieldError(camelCase(violation.getField()), violation.getDescription()))
                .toList()).orElse(List.of());
    }

    private static <T extends Message> Optional<T> detail(StatusRuntimeException status, Class<T> type) {
        com.google.rpc.Status details = StatusProto.fromThrowable(status);
        if (details == null) {
            return Optional.empty();
        }
        for (Any any : details.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static String camelCase(String field) {
        StringBuilder name = new StringBuilder(field.length());
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
