package dev.kaimono.gateway.aggregation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of {@code GET /api/product-details/{id}} ({@code kaimono.gateway.product-details.*}).
 *
 * @param catalogTimeout how long the product itself may take; past it the answer is 504
 * @param inventoryTimeout how long availability may take; past it the product comes back with availability UNKNOWN
 */
@ConfigurationProperties("kaimono.gateway.product-details")
record ProductDetailsProperties(
        @DefaultValue("2s") Duration catalogTimeout,
        @DefaultValue("800ms") Duration inventoryTimeout) {
}
