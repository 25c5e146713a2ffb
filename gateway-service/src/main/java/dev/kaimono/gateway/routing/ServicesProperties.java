package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Base URIs of the downstream services' instances ({@code kaimono.services.*}, comma-separated when a service runs
 * as several instances); each defaults to the local port of its service and is overridden by
 * {@code <SERVICE>_SERVICE_URL} in Docker and Kubernetes, where one address (a Service) stands for all instances.
 * The gateway balances over them with Spring Cloud LoadBalancer ({@link StaticInstances}).
 */
@ConfigurationProperties("kaimono.services")
public record ServicesProperties(List<URI> user, List<URI> catalog, List<URI> order, List<URI> inventory,
        List<URI> payment, List<URI> shipping) {

    public ServicesProperties {
        user = required(user, "user");
        catalog = required(catalog, "catalog");
        order = required(order, "order");
        inventory = required(inventory, "inventory");
        payment = required(payment, "payment");
        shipping = required(shipping, "shipping");
    }

    private static List<URI> required(List<URI> instances, String service) {
        Objects.requireNonNull(instances, "kaimono.services." + service + " is required");
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("kaimono.services." + service + " names no instance");
        }
        return List.copyOf(instances);
    }
}
