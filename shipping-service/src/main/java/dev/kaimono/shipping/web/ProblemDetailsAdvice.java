package dev.kaimono.shipping.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;
import dev.kaimono.shipping.application.ShipmentNotFoundException;
import dev.kaimono.shipping.domain.IllegalShipmentTransitionException;

/**
 * The one place where exceptions become RFC 9457 problem details. A 400 names every offending field
 * or parameter in an {@code errors} array of {@code {field, message}}; a step a shipment cannot take
 * from its status is a 409 naming that status.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @ExceptionHandler
    ProblemDetail shipmentNotFound(ShipmentNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "shipment-not-found", "Shipment not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalShipmentTransitionException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "shipment-step-refused", "Shipment cannot take this step", exception.getMessage());
        problem.setProperty("shipmentStatus", exception.status().name());
        return problem;
    }
}
