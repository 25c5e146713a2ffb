package dev.kaimono.payment.application;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import dev.kaimono.payment.application.PaymentProvider.ChargeRequest;
import dev.kaimono.payment.application.PaymentProvider.ChargeResult;
import dev.kaimono.payment.application.PaymentProvider.RefundReceipt;
import dev.kaimono.payment.application.PaymentProvider.RefundRequest;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Calls the {@link PaymentProvider}: a call that fails transiently is retried with exponential backoff, each
 * call is timed ({@code kaimono.payment.provider.latency} by {@code operation} and {@code result}). Other
 * failures are not retried.
 */
class ProviderCalls {

    private final PaymentProvider provider;
    private final RetryTemplate retries;
    private final MeterRegistry meters;

    ProviderCalls(PaymentProvider provider, PaymentProperties.ProviderRetry settings, MeterRegistry meters) {
        this.provider = provider;
        this.meters = meters;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1)
                .delay(settings.initialDelay())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .includes(PaymentProviderUnavailableException.class)
                .build());
    }

    /** @throws PaymentProviderUnavailableException if the provider stayed unavailable through every attempt */
    ChargeResult charge(ChargeRequest request) {
        return withRetries(() -> timed("charge", () -> provider.charge(request), result -> switch (result) {
            case PaymentProvider.Captured _ -> "captured";
            case PaymentProvider.Declined _ -> "declined";
        }));
    }

    /** @throws PaymentProviderUnavailableException if the provider stayed unavailable through every attempt */
    RefundReceipt refund(RefundRequest request) {
        return withRetries(() -> timed("refund", () -> provider.refund(request), receipt -> "refunded"));
    }

    private <T> T withRetries(Supplier<T> call) {
        try {
            return retries.execute(call::get);
        } catch (RetryException e) {
            if (e.getLastException() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The payment provider call failed", e.getLastException());
        }
    }

    private <T> T timed(String operation, Supplier<T> call, Function<T, String> result) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T answer = call.get();
            outcome = result.apply(answer);
            return answer;
        } catch (PaymentProviderUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            sample.stop(Timer.builder("kaimono.payment.provider.latency")
                    .description("Calls of the payment provider, each attempt on its own")
                    .tag("operation", operation)
                    .tag("result", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }
}
