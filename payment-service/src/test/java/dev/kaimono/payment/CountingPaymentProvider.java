package dev.kaimono.payment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.kaimono.payment.application.PaymentProvider;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.simulation.SimulatedPaymentProvider;

/** The simulated provider with a tally of the calls it got per idempotency key, so tests can count them. */
final class CountingPaymentProvider implements PaymentProvider {

    private final PaymentProvider delegate;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CountingPaymentProvider(PaymentProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        tally(request.idempotencyKey());
        return delegate.charge(request);
    }

    @Override
    public RefundReceipt refund(RefundRequest request) {
        tally(request.idempotencyKey());
        return delegate.refund(request);
    }

    /** Charge calls for the order, failed ones included. */
    int chargesOf(OrderId orderId) {
        return count(orderId.toString());
    }

    int refundsOf(OrderId orderId) {
        return count(orderId + ":refund");
    }

    private void tally(String key) {
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String key) {
        AtomicInteger count = calls.get(key);
        return count == null ? 0 : count.get();
    }

    /** Puts the counter in front of the simulator. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InFrontOfTheSimulator {

        @Bean
        @Primary
        CountingPaymentProvider countingPaymentProvider(SimulatedPaymentProvider simulator) {
            return new CountingPaymentProvider(simulator);
        }
    }
}
