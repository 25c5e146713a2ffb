package dev.kaimono.order.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.kaimono.order.application.placing.PlaceOrderRequest.RequestedLine;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.ShippingAddress;

/** Request bodies of the order and cart endpoints. Unknown fields (a client-sent price, total, status) are ignored. */
final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code POST /api/orders}: explicit lines, or {@code fromCart: true}. */
    record PlaceOrderBody(
            @Size(max = OrderDecider.MAX_LINES) List<@NotNull @Valid LineBody> lines,
            Boolean fromCart,
            @NotNull @Valid AddressBody shippingAddress,
            @NotBlank @Size(max = PaymentMethod.MAX_LENGTH)
            @Pattern(regexp = PaymentMethod.ALLOWED, message = "may contain letters, digits, _ and - only")
            String paymentMethod) {

        boolean cartRequested() {
            return Boolean.TRUE.equals(fromCart);
        }

        List<RequestedLine> requestedLines() {
            return lines == null ? List.of()
                    : lines.stream().map(line -> new RequestedLine(new ProductId(line.productId()), line.quantity())).toList();
        }
    }

    record LineBody(@NotNull UUID productId, @NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
    }

    record AddressBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @IsoCountry String country) {

        ShippingAddress toAddress() {
            return new ShippingAddress(name.strip(), line1.strip(), city.strip(), postalCode.strip(), country);
        }
    }

    /** {@code PUT /api/cart/items/{productId}}. */
    record CartItemBody(@NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
    }
}
