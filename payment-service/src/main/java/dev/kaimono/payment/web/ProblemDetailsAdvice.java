package dev.kaimono.payment.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.payment.application.PaymentNotFoundException;
import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending parameter in an
 * {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @ExceptionHandler
    ProblemDetail paymentNotFound(PaymentNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "Payment not found", exception.getMessage());
    }
}
