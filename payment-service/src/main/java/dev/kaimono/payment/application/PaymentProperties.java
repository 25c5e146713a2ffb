package dev.kaimono.payment.application;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How payment-service talks to its provider ({@code kaimono.payment.*}).
 *
 * @param attemptDuration how long one caller has a payment to itself while it asks the provider; longer than
 *        all retries of one call take, or another caller would ask the provider at the same time
 * @param chargeMargin the longest a charge takes, all retries included: a charge starts only if it can be finished
 *        this long before the saga's deadline for it ({@code chargeBy}); a later command is refused unanswered
 * @param providerRetry retries of a provider call that failed transiently
 * @param recovery the sweep that resolves payments a crash left waiting for the provider
 */
@ConfigurationProperties("kaimono.payment")
@Validated
public record PaymentProperties(
        @DefaultValue("30s") Duration attemptDuration,
        @DefaultValue("5s") Duration chargeMargin,
        @DefaultValue @Valid ProviderRetry providerRetry,
        @DefaultValue @Valid Recovery recovery) {

    /**
     * @param maxAttempts calls of the provider for one request, the first included
     * @param initialDelay pause before the first retry
     * @param multiplier growth of the pause between retries
     * @param maxDelay longest pause between retries
     */
    public record ProviderRetry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("100ms") Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("1s") Duration maxDelay) {
    }

    /**
     * @param interval pause between two sweeps
     * @param batchSize payments resolved per sweep at most
     */
    public record Recovery(
            @DefaultValue("10s") Duration interval,
            @DefaultValue("50") @Min(1) int batchSize) {
    }
}
