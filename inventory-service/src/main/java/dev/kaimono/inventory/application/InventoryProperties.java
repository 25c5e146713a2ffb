package dev.kaimono.inventory.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of inventory ({@code kaimono.inventory.*}).
 *
 * @param reservationTtl how long an order's units stay held unless it is confirmed or released
 * @param expiry the sweep that releases reservations past their time to live
 */
@ConfigurationProperties("kaimono.inventory")
public record InventoryProperties(@DefaultValue("15m") Duration reservationTtl, @DefaultValue Expiry expiry) {

    public InventoryProperties {
        if (!reservationTtl.isPositive()) {
            throw new IllegalArgumentException("kaimono.inventory.reservation-ttl must be positive, not " + reservationTtl);
        }
    }

    /**
     * @param interval pause between two sweeps
     * @param batchSize reservations expired per transaction
     */
    public record Expiry(@DefaultValue("30s") Duration interval, @DefaultValue("100") int batchSize) {

        public Expiry {
            if (!interval.isPositive() || batchSize < 1) {
                throw new IllegalArgumentException("kaimono.inventory.expiry needs a positive interval and batch size");
            }
        }
    }
}
