package dev.kaimono.payment.simulation;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated provider ({@code kaimono.payment.simulator.*}).
 *
 * @param enabled whether the simulator is the payment provider (turn it off when a real adapter is configured)
 * @param latency how long each call takes
 * @param failureRate share of calls, 0.0 to 1.0, that fail transiently (provider unreachable) before any money moves
 */
@ConfigurationProperties("kaimono.payment.simulator")
@Validated
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration latency,
        @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0") double failureRate) {

    public SimulatorProperties {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("The simulator's latency cannot be negative: " + latency);
        }
    }
}
