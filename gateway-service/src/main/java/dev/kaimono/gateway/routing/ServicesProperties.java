package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Base URIs of the downstream services ({@code kaimono.services.*}); each defaults to the local port
 * of its service and is overridden by {@code <SERVICE>_SERVICE_URL} in Docker and Kubernetes.
 */
@ConfigurationProperties("kaimono.services")
public record ServicesProperties(URI user, URI catalog, URI order, URI inventory, URI payment, URI shipping) {

    public ServicesProperties {
        Objects.requireNonNull(user, "kaimono.services.user is required");
        Objects.requireNonNull(catalog, "kaimono.services.catalog is required");
        Objects.requireNonNull(order, "kaimono.services.order is required");
        Objects.requireNonNull(inventory, "kaimono.services.inventory is required");
        Objects.requireNonNull(payment, "kaimono.services.payment is required");
        Objects.requireNonNull(shipping, "kaimono.services.shipping is required");
    }
}
