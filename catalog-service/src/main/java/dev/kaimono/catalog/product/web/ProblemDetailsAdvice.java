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
import dev.kaimono.catalog.review.AlreadyReviewedException;
import dev.kaimono.catalog.review.ConcurrentReviewChangeException;
import dev.kaimono.catalog.review.NotAVerifiedBuyerException;
import dev.kaimono.catalog.review.NotReviewAuthorException;
import dev.kaimono.catalog.review.ReviewNotFoundException;
import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;
import dev.kaimono.runtime.web.FieldError;

/**
 * The one place where exceptions become RFC 9457 problem details (the shared base names every offending
 * field of a 400); a duplicate SKU, a stale version and a second review of a product are 409s, a review by someone
 * who did not receive the product or of someone else's review 403s.
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

    @ExceptionHandler
    ProblemDetail reviewNotFound(ReviewNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "review-not-found", "Review not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAVerifiedBuyer(NotAVerifiedBuyerException exception) {
        return problem(HttpStatus.FORBIDDEN, "not-a-verified-buyer", "Not a verified buyer", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notTheAuthor(NotReviewAuthorException exception) {
        return problem(HttpStatus.FORBIDDEN, "not-review-author", "Not the review's author", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail alreadyReviewed(AlreadyReviewedException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "already-reviewed", "Already reviewed", exception.getMessage());
        problem.setProperty("reviewId", exception.reviewId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentReviewChange(ConcurrentReviewChangeException exception) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change", exception.getMessage());
    }
}
