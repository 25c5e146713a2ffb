package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The route table (ARCHITECTURE §4): each downstream service with the paths it serves. Services serve the
 * same paths the gateway exposes, so nothing is rewritten. Anything not listed here, actuator and
 * {@code /.well-known/**} included, is never routed, and neither are a service's internal paths: endpoints
 * meant for other services only.
 */
public enum Downstream {

    USER("user-service", ServicesProperties::user, List.of("/api/users/**", "/api/auth/**", "/api/admin/users/**")),
    CATALOG("catalog-service", ServicesProperties::catalog,
            List.of("/api/products/**", "/api/categories/**", "/api/admin/catalog/**"),
            // The batch lookup is order-service's: it answers for discontinued products too.
            List.of("/api/products/batch/**")),
    ORDER("order-service", ServicesProperties::order, List.of("/api/cart/**", "/api/orders/**", "/api/admin/orders/**")),
    INVENTORY("inventory-service", ServicesProperties::inventory,
            List.of("/api/inventory/**", "/api/admin/inventory/**")),
    PAYMENT("payment-service", ServicesProperties::payment, List.of("/api/payments/**", "/api/admin/payments/**")),
    SHIPPING("shipping-service", ServicesProperties::shipping,
            List.of("/api/shipments/**", "/api/admin/shipping/**"));

    private final String serviceId;
    private final Function<ServicesProperties, List<URI>> instances;
    private final List<String> paths;
    private final List<String> internalPaths;

    Downstream(String serviceId, Function<ServicesProperties, List<URI>> instances, List<String> paths) {
        this(serviceId, instances, paths, List.of());
    }

    Downstream(String serviceId, Function<ServicesProperties, List<URI>> instances, List<String> paths,
            List<String> internalPaths) {
        this.serviceId = serviceId;
        this.instances = instances;
        this.paths = paths;
        this.internalPaths = internalPaths;
    }

    /** The route id, which is also the name of the service's circuit breaker and its load-balancer id. */
    public String serviceId() {
        return serviceId;
    }

    List<String> paths() {
        return paths;
    }

    /** Paths among {@link #paths()} that other services call but clients never reach: not routed (404). */
    List<String> internalPaths() {
        return internalPaths;
    }

    /** Where the service's instances are, as configured. */
    List<URI> instances(ServicesProperties services) {
        return instances.apply(services);
    }

    /** The route's target: the service by name, for the load balancer to pick one of its instances. */
    public URI uri() {
        return URI.create("lb://" + serviceId);
    }
}
