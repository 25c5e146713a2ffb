package dev.kaimono.order.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service reaches catalog-service ({@code kaimono.services.catalog} for the URL,
 * {@code kaimono.order.catalog.*} for the rest).
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout time to the response
 * @param shownFor how long a cart shows what the catalog said of a product before asking again (0: always asks)
 * @param shownMax how many products a cart's view remembers at most
 */
@ConfigurationProperties("kaimono.order.catalog")
public record CatalogProperties(@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("10s") Duration shownFor, @DefaultValue("10000") long shownMax) {
}
