package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route table (ARCHITECTURE §4): each downstream service with the paths it serves. Services serve the
 * same paths the gateway exposes, so nothing is rewritten. Anything not listed here, actuator and
 * {@code /.well-known/**} included, is never routed, and neither are a service's internal paths: endpoints
 * meant for other services only.
 */
public enum Downstream {

    USER("user-service", ServicesProperties::user, List.of("/api/users/**", "/api/auth/**", "/api/admin/users/**")),
    CATALOG("catalog-service", ServicesProperties::catalog,
            List.of("/api/products/**", "/api/categories/**", "/api/reviews/**", "/api/admin/catalog/**"),
            // The batch lookup is order-service's: it answers for discontinued products too.
            List.of("/api/products/batch/**")),
    ORDER("order-service", ServicesProperties::order, List.of("/api/cart/**", "/api/orders/**", "/api/admin/orders/**")),
    INVENTORY("inventory-service", ServicesProperties::inventory,
            List.of("/api/inventory/**", "/api/admin/inventory/**")),
    PAYMENT("payment-service", ServicesProperties::payment, List.of("/api/payments/**", "/api/admin/payments/**")),
    SHIPPING("shipping-service", ServicesProperties::shipping,
            List.of("/api/shipments/**", "/api/admin/shipping/**"));

    private static final List<PathPattern> ROUTED = patterns(Downstream::paths);
    private static final List<PathPattern> INTERNAL = patterns(Downstream::internalPaths);

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

    /**
     * Whether a path is routed to a client: one of a service's paths and none of the internal ones. A path template
     * such as {@code /api/orders/{id}} is matched as written.
     */
    public static boolean routesToClients(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return ROUTED.stream().anyMatch(pattern -> pattern.matches(container))
                && INTERNAL.stream().noneMatch(pattern -> pattern.matches(container));
    }

    private static List<PathPattern> patterns(Function<Downstream, List<String>> paths) {
        return Arrays.stream(values()).flatMap(service -> paths.apply(service).stream())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** The route's target: the service by name, for the load balancer to pick one of its instances. */
    public URI uri() {
        return URI.create("lb://" + serviceId);
    }
}
