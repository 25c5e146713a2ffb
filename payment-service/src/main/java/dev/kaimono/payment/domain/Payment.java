package dev.kaimono.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.kaimono.payment.domain.PaymentEvent.PaymentCaptured;
import dev.kaimono.payment.domain.PaymentEvent.PaymentDeclined;
import dev.kaimono.payment.domain.PaymentEvent.PaymentRefunded;

/**
 * The charge of one order. Guards that an order is charged at most once, for a positive amount, that only
 * a captured payment is refunded, at most once and for no more than was captured in the same currency,
 * and that only one conversation with the provider about it runs at a time.
 *
 * <p>Lifecycle:
 * <pre>
 * request ──► PENDING ──provider captured──► COMPLETED ──refund──► REFUNDING ──provider refunded──► REFUNDED
 *                │                                                     ▲
 *                │ ──provider captured, refund already requested───────┘
 *                └──provider declined or unreachable──► FAILED
 * </pre>
 * A refund requested while the charge is still {@code PENDING} is remembered and carried out as soon as
 * the charge is captured, so a cancellation that overtakes a slow charge never leaves money taken.
 *
 * <p>Talking to the provider happens outside database transactions, so a payment that awaits the
 * provider carries an <em>attempt</em>: whoever {@linkplain #beginProviderAttempt begins} one may ask the
 * provider until it expires; others leave the payment alone meanwhile. An attempt that expires without an
 * answer (the process died) can be taken over; the provider's idempotency key makes asking again safe.
 */
public final class Payment {

    /** Failure reason when the provider could not be reached however often it was asked. */
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

    /** How a refund request was taken. */
    public enum RefundDecision {
        /** The payment is now {@link PaymentStatus#REFUNDING}: the provider must refund it. */
        STARTED,
        /** The charge has no answer yet; the refund follows if it is captured. */
        DEFERRED,
        /** Nothing was captured (the charge failed): nothing to refund. */
        NOTHING_CAPTURED,
        /** A refund was already decided or done: refunds happen at most once. */
        ALREADY_REFUNDED
    }

    private final PaymentId id;
    private final OrderId orderId;
    private final CustomerId customerId;
    private final Money amount;
    private final String paymentMethod;
    private final Instant createdAt;
    private PaymentStatus status;
    private String failureReason;
    private String providerReference;
    private Money refundAmount;
    private String refundReference;
    private Instant attemptExpiresAt;
    private Instant settledAt;
    private Instant refundRequestedAt;
    private Instant refundedAt;
    private final List<PaymentEvent> events = new ArrayList<>();

    private Payment(Snapshot state) {
        this.id = Objects.requireNonNull(state.id(), "A payment has an id");
        this.orderId = Objects.requireNonNull(state.orderId(), "A payment belongs to an order");
        this.customerId = Objects.requireNonNull(state.customerId(), "A payment belongs to a customer");
        this.amount = Objects.requireNonNull(state.amount(), "A payment has an amount");
        this.paymentMethod = Objects.requireNonNull(state.paymentMethod(), "A payment has a payment method");
        this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
        this.status = Objects.requireNonNull(state.status(), "A payment has a status");
        this.failureReason = state.failureReason();
        this.providerReference = state.providerReference();
        this.refundAmount = state.refundAmount();
        this.refundReference = state.refundReference();
        this.attemptExpiresAt = state.attemptExpiresAt();
        this.settledAt = state.settledAt();
        this.refundRequestedAt = state.refundRequestedAt();
        this.refundedAt = state.refundedAt();
        if (!amount.isPositive()) {
            throw new PaymentRuleViolationException("A payment charges a positive amount, not " + amount);
        }
        if (paymentMethod.isBlank()) {
            throw new PaymentRuleViolationException("A payment names its payment method (order " + orderId + ")");
        }
        if (status == PaymentStatus.FAILED && failureReason == null) {
            throw new IllegalArgumentException("A failed payment names its reason (order " + orderId + ")");
        }
        if ((status == PaymentStatus.REFUNDING || status == PaymentStatus.REFUNDED) && refundAmount == null) {
            throw new IllegalArgumentException("A refund has an amount (order " + orderId + ")");
        }
    }

    /**
     * Records that an order is to be charged. The caller has begun the first provider attempt and is
     * expected to ask the provider next.
     *
     * @param attemptDuration how long the caller may take to get the provider's answer
     * @throws PaymentRuleViolationException for a non-positive amount or a blank payment method
     */
    public static Payment request(PaymentId id, OrderId orderId, CustomerId customerId, Money amount,
            String paymentMethod, Instant now, Duration attemptDuration) {
        return new Payment(new Snapshot(id, orderId, customerId, amount, paymentMethod, PaymentStatus.PENDING, null,
                null, null, null, now.plus(attemptDuration), now, null, null, null));
    }

    /** A payment as it was stored; records no events. */
    public static Payment restore(Snapshot state) {
        return new Payment(state);
    }

    /**
     * Begins a conversation with the provider about this payment (its charge or its refund), unless one is
     * under way and has not expired.
     *
     * @return whether the caller may ask the provider now
     */
    public boolean beginProviderAttempt(Instant now, Duration attemptDuration) {
        if (!status.awaitsProvider() || (attemptExpiresAt != null && attemptExpiresAt.isAfter(now))) {
            return false;
        }
        attemptExpiresAt = now.plus(attemptDuration);
        return true;
    }

    /**
     * The provider captured the amount. If a refund was requested meanwhile, the payment goes on to
     * {@link PaymentStatus#REFUNDING}, with no attempt under way.
     */
    public void capture(String reference, Instant at) {
        requireStatus(PaymentStatus.PENDING, "capture");
        Objects.requireNonNull(reference, "A capture has the provider's reference");
        status = refundAmount == null ? PaymentStatus.COMPLETED : PaymentStatus.REFUNDING;
        providerReference = reference;
        settledAt = at;
        attemptExpiresAt = null;
        events.add(new PaymentCaptured(id, orderId, amount));
    }

    /** The provider declined the charge or could not be reached: nothing was captured, and nothing will be refunded. */
    public void decline(String reason, Instant at) {
        requireStatus(PaymentStatus.PENDING, "decline");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A decline has a reason (order " + orderId + ")");
        }
        status = PaymentStatus.FAILED;
        failureReason = reason;
        settledAt = at;
        attemptExpiresAt = null;
        refundAmount = null;
        refundRequestedAt = null;
        events.add(new PaymentDeclined(id, orderId, reason));
    }

    /**
     * Asks for the captured amount, or part of it, to be given back. At most one refund is ever decided;
     * requests after it, and requests for a payment that captured nothing, change nothing.
     *
     * @throws PaymentRuleViolationException if the amount is not positive, in another currency, or more than the charge
     */
    public RefundDecision requestRefund(Money requested, Instant at) {
        Objects.requireNonNull(requested, "A refund has an amount");
        if (!requested.isPositive() || !requested.sameCurrencyAs(amount) || requested.isGreaterThan(amount)) {
            throw new PaymentRuleViolationException("Order %s was charged %s; cannot refund %s".formatted(orderId, amount, requested));
        }
        return switch (status) {
            case FAILED -> RefundDecision.NOTHING_CAPTURED;
            case REFUNDING, REFUNDED -> RefundDecision.ALREADY_REFUNDED;
            case PENDING -> {
                if (refundAmount != null) {
                    yield RefundDecision.ALREADY_REFUNDED;
                }
                refundAmount = requested;
                refundRequestedAt = at;
                yield RefundDecision.DEFERRED;
            }
            case COMPLETED -> {
                status = PaymentStatus.REFUNDING;
                refundAmount = requested;
                refundRequestedAt = at;
                attemptExpiresAt = null;
                yield RefundDecision.STARTED;
            }
        };
    }

    /** Asks for everything that was charged to be given back; see {@link #requestRefund(Money, Instant)}. */
    public RefundDecision requestFullRefund(Instant at) {
        return requestRefund(amount, at);
    }

    /** The provider gave the refund amount back. */
    public void refund(String reference, Instant at) {
        requireStatus(PaymentStatus.REFUNDING, "refund");
        Objects.requireNonNull(reference, "A refund has the provider's reference");
        status = PaymentStatus.REFUNDED;
        refundReference = reference;
        refundedAt = at;
        attemptExpiresAt = null;
        events.add(new PaymentRefunded(id, orderId, refundAmount));
    }

    /**
     * What the charge came to, stated again for someone who asks twice: captured (whatever happened after)
     * or declined, with the same ids as the first time; empty while the charge has no answer.
     */
    public Optional<PaymentEvent> chargeOutcome() {
        return switch (status) {
            case PENDING -> Optional.empty();
            case FAILED -> Optional.of(new PaymentDeclined(id, orderId, failureReason));
            case COMPLETED, REFUNDING, REFUNDED -> Optional.of(new PaymentCaptured(id, orderId, amount));
        };
    }

    /** The events recorded since the payment was requested or restored, once: a second call returns none. */
    public List<PaymentEvent> releaseEvents() {
        List<PaymentEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    public boolean isOwnedBy(CustomerId customer) {
        return customerId.equals(customer);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, orderId, customerId, amount, paymentMethod, status, failureReason, providerReference,
                refundAmount, refundReference, attemptExpiresAt, createdAt, settledAt, refundRequestedAt, refundedAt);
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("Cannot %s the payment of order %s: it is %s, not %s"
                    .formatted(action, orderId, status, expected));
        }
    }

    public PaymentId id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Money amount() {
        return amount;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public PaymentStatus status() {
        return status;
    }

    /** Why nothing was captured; {@code null} unless {@link PaymentStatus#FAILED}. */
    public String failureReason() {
        return failureReason;
    }

    /** The provider's id of the capture; {@code null} until captured. */
    public String providerReference() {
        return providerReference;
    }

    /** What is or was to be refunded; {@code null} until a refund is requested. */
    public Money refundAmount() {
        return refundAmount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the refund went through; {@code null} until {@link PaymentStatus#REFUNDED}. */
    public Instant refundedAt() {
        return refundedAt;
    }

    /**
     * Everything a payment is, for storing and restoring it.
     *
     * @param attemptExpiresAt until when the current provider attempt has the payment to itself; {@code null} if none
     * @param settledAt when the charge was captured or failed
     */
    public record Snapshot(PaymentId id, OrderId orderId, CustomerId customerId, Money amount, String paymentMethod,
            PaymentStatus status, String failureReason, String providerReference, Money refundAmount,
            String refundReference, Instant attemptExpiresAt, Instant createdAt, Instant settledAt,
            Instant refundRequestedAt, Instant refundedAt) {
    }
}
