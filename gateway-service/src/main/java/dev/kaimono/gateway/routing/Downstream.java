package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The route table (ARCHITECTURE §4): each downstream service with the paths it serves. Services serve the
 * same paths the gateway exposes, so nothing is rewritten. Anything not listed here, actuator and
 * {@code /.well-known/**} included, is never routed.
 */
enum Downstream {

    USER("user-service", ServicesProperties::user, "/api/users/**", "/api/auth/**", "/api/admin/users/**"),
    CATALOG("catalog-service", ServicesProperties::catalog, "/api/products/**", "/api/categories/**",
            "/api/admin/catalog/**"),
    ORDER("order-service", ServicesProperties::order, "/api/cart/**", "/api/orders/**", "/api/admin/orders/**"),
    INVENTORY("inventory-service", ServicesProperties::inventory, "/api/inventory/**", "/api/admin/inventory/**"),
    PAYMENT("payment-service", ServicesProperties::payment, "/api/payments/**", "/api/admin/payments/**"),
    SHIPPING("shipping-service", ServicesProperties::shipping, "/api/shipments/**", "/api/admin/shipping/**");

    private final String serviceId;
    private final Function<ServicesProperties, URI> uri;
    private final List<String> paths;

    Downstream(String serviceId, Function<ServicesProperties, URI> uri, String... paths) {
        this.serviceId = serviceId;
        this.uri = uri;
        this.paths = List.of(paths);
    }

    /** The route id, which is also the name of the service's circuit breaker. */
    String serviceId() {
        return serviceId;
    }

    List<String> paths() {
        return paths;
    }

    URI uri(ServicesProperties services) {
        return uri.apply(services);
    }
}
