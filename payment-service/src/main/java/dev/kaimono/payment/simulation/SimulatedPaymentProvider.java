package dev.kaimono.payment.simulation;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import dev.kaimono.payment.application.PaymentProvider;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;

/**
 * A payment provider in memory that follows card-test conventions: {@value #VISA} is captured,
 * {@value #DECLINED_CARD} is declined ({@value #CARD_DECLINED}), any other method is declined
 * ({@value #UNSUPPORTED_PAYMENT_METHOD}). Each call takes the configured latency and fails transiently at the
 * configured rate, before anything is recorded. Idempotent per key like a real provider: a key seen before
 * gets the first answer, a key reused for a different request is refused. Its memory lasts as long as the
 * process.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String VISA = "pm_card_visa";
    public static final String DECLINED_CARD = "pm_card_chargeDeclined";
    public static final String CARD_DECLINED = "card_declined";
    public static final String UNSUPPORTED_PAYMENT_METHOD = "unsupported_payment_method";

    private final SimulatorProperties settings;
    private final DoubleSupplier dice;
    private final Map<String, SimulatedCharge> chargesByKey = new ConcurrentHashMap<>();
    private final Map<String, Money> capturedByReference = new ConcurrentHashMap<>();
    private final Map<String, SimulatedRefund> refundsByKey = new ConcurrentHashMap<>();

    /** @param dice draws a number in [0, 1) per call; the call fails if it is below the failure rate */
    public SimulatedPaymentProvider(SimulatorProperties settings, DoubleSupplier dice) {
        this.settings = settings;
        this.dice = dice;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        respond();
        SimulatedCharge charge = chargesByKey.computeIfAbsent(request.idempotencyKey(), key -> {
            ChargeResult result = decide(request.paymentMethod());
            if (result instanceof Captured captured) {
                capturedByReference.put(captured.reference(), request.amount());
            }
            return new SimulatedCharge(request, result);
        });
        if (!charge.answers(request)) {
            throw new IllegalArgumentException("Idempotency key %s was used for another charge".formatted(request.idempotencyKey()));
        }
        return charge.result();
    }

    @Override
    public RefundReceipt refund(RefundRequest request) {
        respond();
        Money captured = capturedByReference.get(request.chargeReference());
        if (captured == null) {
            throw new IllegalArgumentException("No capture " + request.chargeReference() + " to refund");
        }
        if (!request.amount().sameCurrencyAs(captured) || request.amount().isGreaterThan(captured)) {
            throw new IllegalArgumentException("Cannot refund %s of a capture of %s".formatted(request.amount(), captured));
        }
        SimulatedRefund refund = refundsByKey.computeIfAbsent(request.idempotencyKey(),
                key -> new SimulatedRefund(request, new RefundReceipt("sim_re_" + UUID.randomUUID())));
        if (!refund.request().equals(request)) {
            throw new IllegalArgumentException("Idempotency key %s was used for another refund".formatted(request.idempotencyKey()));
        }
        return refund.receipt();
    }

    private static ChargeResult decide(String paymentMethod) {
        return switch (paymentMethod) {
            case VISA -> new Captured("sim_ch_" + UUID.randomUUID());
            case DECLINED_CARD -> new Declined(CARD_DECLINED);
            default -> new Declined(UNSUPPORTED_PAYMENT_METHOD);
        };
    }

    /** The network round trip, and sometimes a transient failure before the provider does anything. */
    private void respond() {
        try {
            Thread.sleep(settings.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException("Interrupted while waiting for the simulated provider", e);
        }
        if (dice.getAsDouble() < settings.failureRate()) {
            throw new PaymentProviderUnavailableException("The simulated provider is unavailable (failure rate "
                    + settings.failureRate() + ")");
        }
    }

    private record SimulatedCharge(ChargeRequest request, ChargeResult result) {

        boolean answers(ChargeRequest other) {
            return request.paymentMethod().equals(other.paymentMethod())
                    && request.amount().sameCurrencyAs(other.amount())
                    && request.amount().amount().compareTo(other.amount().amount()) == 0;
        }
    }

    private record SimulatedRefund(RefundRequest request, RefundReceipt receipt) {
    }
}
