package dev.kaimono.shipping.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.shipping.application.CarrierProgress;
import dev.kaimono.shipping.application.ShipmentQueries;
import dev.kaimono.shipping.application.Viewer;
import dev.kaimono.shipping.domain.OrderId;
import dev.kaimono.shipping.domain.ShipmentId;
import dev.kaimono.shipping.domain.Tracking;

/**
 * Shipments under {@code /api/shipments}: a shopper reads the shipments of their own orders (someone else's
 * shipment is a 404 by id and absent from a query), an administrator reads any and reports dispatch and delivery
 * (administrators only, see {@code SecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/shipments")
class ShipmentController {

    private final ShipmentQueries queries;
    private final CarrierProgress progress;

    ShipmentController(ShipmentQueries queries, CarrierProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    /**
     * The shipments of an order the caller may see, {@code GET /api/shipments?orderId=…}: a list (a query on a
     * collection, {@code docs/api-conventions.md}), of the order's one shipment or empty.
     */
    @GetMapping
    List<ShipmentResponse> forOrder(@RequestParam UUID orderId, Authentication caller) {
        return queries.byOrder(new OrderId(orderId), viewer(caller)).map(ShipmentResponse::of).stream().toList();
    }

    @GetMapping("/{id}")
    ShipmentResponse byId(@PathVariable UUID id, Authentication caller) {
        return ShipmentResponse.of(queries.byId(new ShipmentId(id), viewer(caller)));
    }

    /** The carrier has the shipment. Repeating the same dispatch answers 200 and publishes nothing. */
    @PostMapping("/{id}/dispatch")
    ShipmentResponse dispatch(@PathVariable UUID id, @Valid @RequestBody DispatchRequest request) {
        return ShipmentResponse.of(progress.dispatch(new ShipmentId(id), new Tracking(request.carrier(), request.trackingNumber())));
    }

    /** The shipment arrived. Repeating it answers 200 and publishes nothing. */
    @PostMapping("/{id}/deliver")
    ShipmentResponse deliver(@PathVariable UUID id) {
        return ShipmentResponse.of(progress.deliver(new ShipmentId(id)));
    }

    private static Viewer viewer(Authentication caller) {
        boolean administrator = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
        return new Viewer(caller.getName(), administrator);
    }

    record DispatchRequest(
            @NotBlank @Size(max = Tracking.MAX_CARRIER_LENGTH) String carrier,
            @NotBlank @Size(max = Tracking.MAX_TRACKING_NUMBER_LENGTH) String trackingNumber) {
    }
}
