package dev.kaimono.runtime.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** Writes the security filters' 401 and 403 as problem details, like every other error. */
public final class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "A valid bearer access token is required");
        };
    }

    /**
     * A token that could not be checked because the key set was unreachable is the service's trouble, not
     * the client's: 503 problem. Any other failure is a 401 problem.
     */
    public AuthenticationFailureHandler failureHandler() {
        AuthenticationEntryPoint unauthorized = entryPoint();
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "5");
                write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                        "Access tokens cannot be checked right now (the signing keys are unreachable); try again shortly");
            } else {
                unauthorized.commence(request, response, exception);
            }
        };
    }

    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) ->
                write(request, response, HttpStatus.FORBIDDEN, "Your account may not do this");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
