package dev.kaimono.inventory.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.inventory.application.InventoryProperties;
import dev.kaimono.inventory.application.ReservationExpiry;
import dev.kaimono.runtime.PeriodicWorker;

/**
 * Runs the reservation expiry every {@code kaimono.inventory.expiry.interval} (after the previous run ends).
 * Every instance runs it; {@code SKIP LOCKED} keeps them from expiring the same reservation.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryScheduling {

    @Bean
    PeriodicWorker reservationExpiryWorker(ReservationExpiry expiry, InventoryProperties properties) {
        return PeriodicWorker.named("reservation-expiry").every(properties.expiry().interval()).task(expiry::expireDue);
    }
}
