package dev.kaimono.order.application.placing;

import java.util.List;
import java.util.Objects;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.ShippingAddress;

/**
 * A shopper's request to place an order, from explicit lines or from their cart.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
 * @param fingerprint a digest of the request as sent, to tell a retry from a different request with the same key
 */
public record PlaceOrderRequest(CustomerId customerId, List<RequestedLine> lines, boolean fromCart,
        ShippingAddress shippingAddress, PaymentMethod paymentMethod, String idempotencyKey, String fingerprint) {

    public PlaceOrderRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A product and quantity the shopper asks for; the price comes from the catalog. */
    public record RequestedLine(ProductId productId, int quantity) {
    }
}
