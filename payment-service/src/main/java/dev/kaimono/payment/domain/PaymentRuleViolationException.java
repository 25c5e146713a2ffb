package dev.kaimono.payment.domain;

/** A request that breaks a payment rule (a non-positive amount, a refund in another currency, ...); retrying cannot help. */
public class PaymentRuleViolationException extends RuntimeException {

    public PaymentRuleViolationException(String message) {
        super(message);
    }
}
