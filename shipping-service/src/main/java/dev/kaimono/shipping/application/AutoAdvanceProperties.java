package dev.kaimono.shipping.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo carrier ({@code kaimono.shipping.auto-advance.*}): when enabled, shipments move on by
 * themselves so a demo reaches DELIVERED without an administrator.
 *
 * @param enabled whether this instance sweeps shipments forward (off unless a demo turns it on)
 * @param dispatchAfter how long a shipment stays ARRANGED before the demo carrier collects it
 * @param deliverAfter how long a shipment stays DISPATCHED before it arrives
 * @param interval the pause between two sweeps
 * @param batchSize the most shipments moved per step of a sweep
 */
@ConfigurationProperties("kaimono.shipping.auto-advance")
public record AutoAdvanceProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3s") Duration dispatchAfter,
        @DefaultValue("3s") Duration deliverAfter,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("100") int batchSize) {

    public AutoAdvanceProperties {
        if (dispatchAfter.isNegative() || deliverAfter.isNegative()) {
            throw new IllegalArgumentException("kaimono.shipping.auto-advance delays cannot be negative");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("kaimono.shipping.auto-advance.interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("kaimono.shipping.auto-advance.batch-size must be positive");
        }
    }
}
