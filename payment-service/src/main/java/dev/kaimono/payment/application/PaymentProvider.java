package dev.kaimono.payment.application;

import java.util.Objects;

import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.Payment;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;

/**
 * The port to whoever moves the money (a card processor, or the built-in simulator). Every request carries
 * an idempotency key: asking again with a key the provider has seen returns the first answer and moves no
 * money a second time. Payment-service uses the order id, so an order can never be charged twice.
 *
 * <p>Both operations throw {@link PaymentProviderUnavailableException} when the provider could not be
 * reached or did not process the request; asking again with the same key is then safe.
 */
public interface PaymentProvider {

    /** Captures the amount from the payment method, or says why not. */
    ChargeResult charge(ChargeRequest request);

    /** Gives (part of) a captured amount back. A refund the provider refuses is an exception, not an answer. */
    RefundReceipt refund(RefundRequest request);

    /** A charge for an amount from a payment method (a card-test token such as {@code pm_card_visa}). */
    record ChargeRequest(String idempotencyKey, Money amount, String paymentMethod) {

        public ChargeRequest {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(paymentMethod, "paymentMethod");
        }
    }

    /** The provider's answer to a charge. */
    sealed interface ChargeResult {
    }

    /** The amount was captured; {@code reference} is the provider's id of the capture. */
    record Captured(String reference) implements ChargeResult {

        public Captured {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Nothing was captured; {@code reason} is a short code such as {@code card_declined}. */
    record Declined(String reason) implements ChargeResult {

        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A refund of (part of) the capture {@code chargeReference}. */
    record RefundRequest(String idempotencyKey, String chargeReference, Money amount) {

        public RefundRequest {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(chargeReference, "chargeReference");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The refund went through; {@code reference} is the provider's id of it. */
    record RefundReceipt(String reference) {

        public RefundReceipt {
            Objects.requireNonNull(reference, "reference");
        }
    }
}
