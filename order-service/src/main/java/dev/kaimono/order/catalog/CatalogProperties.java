package dev.kaimono.order.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service reaches catalog-service ({@code kaimono.services.catalog} for the URL,
 * {@code kaimono.order.catalog.*} for timeouts).
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout time to the response
 */
@ConfigurationProperties("kaimono.order.catalog")
public record CatalogProperties(@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration readTimeout) {
}
