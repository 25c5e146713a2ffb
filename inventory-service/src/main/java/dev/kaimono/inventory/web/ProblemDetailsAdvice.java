package dev.kaimono.inventory.web;

import java.util.Collection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.inventory.application.StockItemNotFoundException;
import dev.kaimono.inventory.domain.StockBelowReservedException;
import dev.kaimono.inventory.domain.StockLimitExceededException;
import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending field or
 * parameter in an {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @Override
    protected String typeMismatchMessage(Class<?> requiredType) {
        return requiredType != null && Collection.class.isAssignableFrom(requiredType)
                ? "must be UUIDs separated by commas" : "must be a UUID";
    }

    @ExceptionHandler
    ProblemDetail stockItemNotFound(StockItemNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stockBelowReserved(StockBelowReservedException exception) {
        return problem(HttpStatus.CONFLICT, "stock-reserved", "Stock is reserved for orders", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stockLimitExceeded(StockLimitExceededException exception) {
        return problem(HttpStatus.CONFLICT, "too-much-stock", "Too much stock", exception.getMessage());
    }
}
