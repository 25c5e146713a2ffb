package dev.kaimono.order.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.application.placing.IdempotencyKeyReusedException;
import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.OrderConcurrencyException;
import dev.kaimono.order.application.OrderNotFoundException;
import dev.kaimono.order.application.placing.OrdersBusyException;
import dev.kaimono.order.domain.OrderRejectedException;
import dev.kaimono.order.domain.OrderRejection;
import dev.kaimono.order.domain.OrderRuleViolationException;
import dev.kaimono.order.domain.UnknownOrderException;
import dev.kaimono.order.projection.UnknownProjectionException;
import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;
import dev.kaimono.runtime.web.FieldError;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending field in
 * an {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @Override
    protected String typeMismatchMessage(Class<?> requiredType) {
        return "has the wrong format";
    }

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidOrderRequestException exception) {
        return invalid(exception.problems().stream().map(problem -> new FieldError(problem.field(), problem.message())).toList());
    }

    /** The order's rules refused the lines: 400 naming, for each reason, the part of the request it concerns. */
    @ExceptionHandler
    ProblemDetail rejected(OrderRejectedException exception) {
        return invalid(exception.rejections().stream().map(rejection -> new FieldError(switch (rejection) {
            case OrderRejection.RepeatedProduct repeated -> "lines[%d].productId".formatted(repeated.line());
            case OrderRejection.NoLines _, OrderRejection.TooManyLines _, OrderRejection.MixedCurrencies _ -> "lines";
        }, rejection.message())).toList());
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
    ResponseEntity<ProblemDetail> ordersBusy(OrdersBusyException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
        problem.setTitle("Orders busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())))
                .body(problem);
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
}
