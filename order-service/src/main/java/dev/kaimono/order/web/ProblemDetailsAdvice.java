package dev.kaimono.order.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.kaimono.order.application.CatalogUnavailableException;
import dev.kaimono.order.application.FieldProblem;
import dev.kaimono.order.application.IdempotencyKeyReusedException;
import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.OrderConcurrencyException;
import dev.kaimono.order.application.OrderNotFoundException;
import dev.kaimono.order.domain.OrderRuleViolationException;
import dev.kaimono.order.domain.UnknownOrderException;
import dev.kaimono.order.projection.UnknownProjectionException;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending field in
 * an {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(exception, invalid(problems), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape");
        problem.setTitle("Malformed request");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(exception.getPropertyName());
        return handleExceptionInternal(exception, invalid(List.of(new FieldProblem(field, "has the wrong format"))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidOrderRequestException exception) {
        return invalid(exception.problems());
    }

    @ExceptionHandler({OrderNotFoundException.class, UnknownOrderException.class})
    ProblemDetail orderNotFound(RuntimeException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Order not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(OrderRuleViolationException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Not possible in the order's current state");
        problem.setProperty("orderStatus", exception.status() == null ? null : exception.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentChange(OrderConcurrencyException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> catalogUnavailable(CatalogUnavailableException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "catalog unavailable: prices cannot be checked right now; nothing was stored, try again shortly");
        problem.setTitle("Catalog unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler
    ProblemDetail unknownProjection(UnknownProjectionException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Projection not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAShopper(Shoppers.NotAShopperException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields: "
                + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }
}
