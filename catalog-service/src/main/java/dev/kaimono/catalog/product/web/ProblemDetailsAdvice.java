package dev.kaimono.catalog.product.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.kaimono.catalog.product.DiscontinuedProductException;
import dev.kaimono.catalog.product.DuplicateSkuException;
import dev.kaimono.catalog.product.FieldProblem;
import dev.kaimono.catalog.product.InvalidFieldsException;
import dev.kaimono.catalog.product.ProductNotFoundException;
import dev.kaimono.catalog.product.StaleProductVersionException;
import tools.jackson.core.JacksonException;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending field or
 * query parameter in an {@code errors} array of {@code {field, message}}; a duplicate SKU and a stale
 * version are 409s.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList();
        return handleExceptionInternal(exception, invalid(problems), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), message(error))))
                .toList();
        return handleExceptionInternal(exception, invalid(problems), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Class<?> type = exception.getRequiredType();
        boolean number = type != null && (type == int.class || type == long.class || Number.class.isAssignableFrom(type));
        FieldProblem problem = new FieldProblem(String.valueOf(exception.getPropertyName()),
                number ? "must be a whole number" : "has an invalid value");
        return handleExceptionInternal(exception, invalid(List.of(problem)), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = new FieldProblem(exception.getParameterName(), "is required");
        return handleExceptionInternal(exception, invalid(List.of(problem)), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            FieldProblem problem = new FieldProblem(path(json.getPath()), "has the wrong type");
            return handleExceptionInternal(exception, invalid(List.of(problem)), headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON");
        problem.setTitle("Malformed request");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ProblemDetail invalidFields(InvalidFieldsException exception) {
        return invalid(exception.problems());
    }

    @ExceptionHandler
    ProblemDetail productNotFound(ProductNotFoundException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Product not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail duplicateSku(DuplicateSkuException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Duplicate SKU");
        problem.setProperty("errors", List.of(error(new FieldProblem("sku", "is already used by another product"))));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleProductVersionException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", exception.currentVersion());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail discontinued(DiscontinuedProductException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Product discontinued");
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream().distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message)).toList();
        String fields = sorted.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + fields);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", sorted.stream().map(ProblemDetailsAdvice::error).toList());
        return problem;
    }

    private static Map<String, String> error(FieldProblem problem) {
        return Map.of("field", problem.field(), "message", problem.message());
    }

    private static String message(MessageSourceResolvable error) {
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return "has the wrong type";
        }
        return String.valueOf(error.getDefaultMessage());
    }

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
