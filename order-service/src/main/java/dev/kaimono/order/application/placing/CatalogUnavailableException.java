package dev.kaimono.order.application.placing;

/** The catalog did not answer in time, failed, or its circuit breaker is open. Nothing was stored. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
