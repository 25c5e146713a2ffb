package dev.kaimono.runtime.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * The base of each service's one {@code @RestControllerAdvice}: every error becomes an RFC 9457 problem,
 * and a 400 names each offending field or parameter in {@code errors: [{field, message}]} — a JSON value of
 * the wrong type by its path in the body ({@code lines[1].quantity}). A service extends it and adds handlers
 * for its own domain exceptions.
 */
public abstract class ApiProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemDetailsAdvice.class);
    private static final long STORE_RETRY_AFTER_SECONDS = 5;

    /** The prefix of the type of every problem of Kaimono's own. */
    public static final String PROBLEM_TYPES = "tag:kaimono.dev,2026:problem:";

    /** A 400 problem naming the fields in its detail and listing them with their messages. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields: "
                + String.join(", ", sorted.stream().map(FieldError::field).distinct().toList()));
        problem.setType(type("invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", sorted);
        return problem;
    }

    /**
     * A problem of a kind of Kaimono's own: its {@code type} is {@value #PROBLEM_TYPES}{@code <kind>}, its title the
     * kind's own, the same wherever it is answered (one catalogue, {@code docs/api-conventions.md}). A problem that
     * is only its status uses Spring's {@code ProblemDetail.forStatusAndDetail}: {@code about:blank}, the reason
     * phrase as title.
     */
    public static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    /** The type URI of a kind of problem: a tag URI (RFC 4151), a name rather than an address. */
    public static URI type(String kind) {
        if (!kind.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("A kind of problem is lower-case words joined by '-': " + kind);
        }
        return URI.create(PROBLEM_TYPES + kind);
    }

    /**
     * The service's database (PostgreSQL or MongoDB) cannot be reached, or a transaction could not begin or end:
     * a failing dependency, so 503 with {@code Retry-After}, never a 500 (which means a bug here).
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class })
    public ResponseEntity<ProblemDetail> storeUnavailable(Exception exception) {
        log.warn("The database did not answer: {}", exception.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                        "The service cannot reach its database right now and did not complete the request; try again in "
                                + STORE_RETRY_AFTER_SECONDS + " seconds"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), message(error)))
                .toList();
        return handleExceptionInternal(exception, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), message(error))))
                .toList();
        return handleExceptionInternal(exception, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(exception,
                invalid(List.of(new FieldError(exception.getParameterName(), "is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                headers.set(HttpHeaders.CONNECTION, "close");
                return handleExceptionInternal(exception, RequestBodyLimitFilter.tooLarge(tooLarge.maxBytes()),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        if (exception.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return handleExceptionInternal(exception, invalid(List.of(new FieldError(path(json.getPath()), "has the wrong type"))),
                    headers, HttpStatus.BAD_REQUEST, request);
        }
        return handleExceptionInternal(exception, problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body is missing or is not valid JSON"), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(exception.getPropertyName());
        return handleExceptionInternal(exception, invalid(List.of(new FieldError(field,
                typeMismatchMessage(exception.getRequiredType())))), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What a parameter of the type must look like, e.g. "must be a UUID" or "must be one of A, B". */
    protected String typeMismatchMessage(Class<?> requiredType) {
        if (requiredType == null) {
            return "must be a valid value";
        }
        if (requiredType.isEnum()) {
            return "must be one of " + String.join(", ",
                    java.util.Arrays.stream(requiredType.getEnumConstants()).map(String::valueOf).toList());
        }
        return "must be a " + requiredType.getSimpleName();
    }

    private static String message(MessageSourceResolvable error) {
        if (error instanceof org.springframework.validation.FieldError field && field.isBindingFailure()) {
            return "has the wrong type";
        }
        return String.valueOf(error.getDefaultMessage());
    }

    /** A JSON path as a client writes it: {@code shippingAddress.postalCode}, {@code lines[1].quantity}. */
    private static String path(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
