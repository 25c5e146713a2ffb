package dev.kaimono.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamTest {

    @ParameterizedTest
    @CsvSource({
            "/api/users, USER", "/api/users/me, USER", "/api/auth/token, USER", "/api/auth/refresh, USER",
            "/api/admin/users/42/roles, USER",
            "/api/products, CATALOG", "/api/products/42, CATALOG", "/api/categories/shoes, CATALOG",
            "/api/admin/catalog/reindex, CATALOG",
            "/api/cart, ORDER", "/api/cart/items/42, ORDER", "/api/orders/42/cancel, ORDER",
            "/api/admin/orders/sagas, ORDER",
            "/api/inventory/42, INVENTORY", "/api/admin/inventory/reservations, INVENTORY",
            "/api/payments/42, PAYMENT", "/api/admin/payments/dead-letters, PAYMENT",
            "/api/shipments/42/dispatch, SHIPPING", "/api/admin/shipping/dead-letters, SHIPPING",
    })
    void routesEachApiPathToTheServiceThatOwnsIt(String path, Downstream owner) {
        assertThat(routeOf(path)).contains(owner);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/prometheus", "/.well-known/jwks.json", "/",
            "/api", "/api/admin", "/api/admin/unknown/x", "/api/usersx", "/api/product-details/42",
            "/api/products/batch", "/api/products/batch/", "/api/products/%62atch", "/api/products/batch;ids=1" })
    void routesNothingElse(String path) {
        assertThat(routeOf(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/products/{id}, true", "/api/orders/{id}/history, true", "/api/admin/orders/sagas/{orderId}, true",
            "/api/cart, true", "/api/products/batch, false", "/v3/api-docs, false", "/actuator/health, false",
            // The gateway's own route, not a service's: its description comes from the gateway itself.
            "/api/product-details/{id}, false" })
    void tellsWhichPathsOfTheServicesDescriptionsReachClients(String path, boolean routed) {
        assertThat(Downstream.routesToClients(path)).isEqualTo(routed);
    }

    @Test
    void givesEveryServiceItsOwnRouteId() {
        List<String> ids = Arrays.stream(Downstream.values()).map(Downstream::serviceId).toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.endsWith("-service"));
    }

    private static Optional<Downstream> routeOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        List<Downstream> owners = Arrays.stream(Downstream.values())
                .filter(downstream -> matches(downstream.paths(), container)
                        && !matches(downstream.internalPaths(), container))
                .toList();
        assertThat(owners).as("routes matching %s", path).hasSizeLessThanOrEqualTo(1);
        return owners.stream().findFirst();
    }

    private static boolean matches(List<String> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(path));
    }
}
