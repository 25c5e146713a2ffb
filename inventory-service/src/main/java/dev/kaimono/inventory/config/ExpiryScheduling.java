package dev.kaimono.inventory.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.kaimono.inventory.application.InventoryProperties;
import dev.kaimono.inventory.application.ReservationExpiry;

/**
 * Runs the reservation expiry every {@code kaimono.inventory.expiry.interval} (after the previous run ends).
 * Every instance runs it; {@code SKIP LOCKED} keeps them from expiring the same reservation.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryScheduling implements SchedulingConfigurer {

    private final ReservationExpiry expiry;
    private final InventoryProperties properties;

    ExpiryScheduling(ReservationExpiry expiry, InventoryProperties properties) {
        this.expiry = expiry;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(expiry::expireDue, properties.expiry().interval());
    }
}
