package dev.kaimono.user.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.kaimono.runtime.web.ApiProblemDetailsAdvice;
import dev.kaimono.runtime.web.FieldError;
import dev.kaimono.user.account.AccountNotFoundException;
import dev.kaimono.user.account.EmailAlreadyRegisteredException;
import dev.kaimono.user.account.InvalidFieldException;
import dev.kaimono.user.auth.InvalidCredentialsException;
import dev.kaimono.user.auth.LoginThrottledException;

/** user-service's exceptions as RFC 9457 problem details (the shared base names bad fields). */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblemDetailsAdvice {

    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException exception) {
        return invalid(List.of(new FieldError(exception.field(), exception.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail emailTaken(EmailAlreadyRegisteredException exception) {
        return problem(HttpStatus.CONFLICT, "email-taken", "Email already registered", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidCredentials(InvalidCredentialsException exception) {
        return problem(HttpStatus.UNAUTHORIZED, "authentication-failed", "Authentication failed", exception.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> loginThrottled(LoginThrottledException exception) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins", "Too many failed logins", exception.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail accountNotFound(AccountNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "The account no longer exists");
    }
}
