package dev.kaimono.payment.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending parameter in an
 * {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {
}
