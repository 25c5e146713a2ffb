package dev.kaimono.catalog.product.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.catalog.product.DiscontinuedProductException;
import dev.kaimono.catalog.product.DuplicateSkuException;
import dev.kaimono.catalog.product.InvalidFieldsException;
import dev.kaimono.catalog.product.ProductNotFoundException;
import dev.kaimono.catalog.product.StaleProductVersionException;
import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;
import dev.kaimono.runtime.web.FieldError;

/**
 * The one place where exceptions become RFC 9457 problem details (the shared base names every offending
 * field of a 400); a duplicate SKU and a stale version are 409s.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @Override
    protected String typeMismatchMessage(Class<?> requiredType) {
        boolean number = requiredType != null
                && (requiredType == int.class || requiredType == long.class || Number.class.isAssignableFrom(requiredType));
        return number ? "must be a whole number" : super.typeMismatchMessage(requiredType);
    }

    @ExceptionHandler
    ProblemDetail invalidFields(InvalidFieldsException exception) {
        return invalid(exception.problems().stream().map(problem -> new FieldError(problem.field(), problem.message())).toList());
    }

    @ExceptionHandler
    ProblemDetail productNotFound(ProductNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail duplicateSku(DuplicateSkuException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate-sku", "Duplicate SKU", exception.getMessage());
        problem.setProperty("errors", List.of(new FieldError("sku", "is already used by another product")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleProductVersionException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version", "Stale version", exception.getMessage());
        problem.setProperty("currentVersion", exception.currentVersion());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail discontinued(DiscontinuedProductException exception) {
        return problem(HttpStatus.CONFLICT, "product-discontinued", "Product discontinued", exception.getMessage());
    }
}
