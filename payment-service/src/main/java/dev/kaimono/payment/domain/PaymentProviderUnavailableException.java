package dev.kaimono.payment.domain;

/** The provider could not be reached or did not process the request: no money moved, asking again is safe. */
public class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message) {
        super(message);
    }

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
