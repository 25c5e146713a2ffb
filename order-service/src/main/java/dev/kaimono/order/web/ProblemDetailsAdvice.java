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
        return problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refused(OrderRuleViolationException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "order-state-conflict", "Not possible in the order's current state",
                exception.getMessage());
        problem.setProperty("orderStatus", exception.status() == null ? null : exception.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentChange(OrderConcurrencyException exception) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException exception) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                exception.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> catalogUnavailable(CatalogUnavailableException exception) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "catalog-unavailable", "Catalog unavailable",
                "catalog unavailable: prices cannot be checked right now; nothing was stored, try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ordersBusy(OrdersBusyException exception) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "orders-busy", "Orders busy", exception.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())))
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail unknownProjection(UnknownProjectionException exception) {
        return problem(HttpStatus.NOT_FOUND, "projection-not-found", "Projection not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAShopper(Shoppers.NotAShopperException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
    }
}
