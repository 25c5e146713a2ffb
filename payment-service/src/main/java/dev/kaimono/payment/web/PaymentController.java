package dev.kaimono.payment.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.payment.application.PaymentQueries;
import dev.kaimono.payment.application.PaymentQueries.Viewer;
import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;

/**
 * {@code GET /api/payments?orderId=}: the payments of an order the caller may see, as a list (a query on a
 * collection, {@code docs/api-conventions.md}): the one payment of the order for the shopper who paid and for
 * administrators; an empty list for anyone else and for an order without a payment.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentQueries queries;

    PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<PaymentResponse> byOrder(@RequestParam UUID orderId, JwtAuthenticationToken authentication) {
        return queries.ofOrder(new OrderId(orderId), viewer(authentication)).map(PaymentResponse::of).stream().toList();
    }

    private static Viewer viewer(JwtAuthenticationToken authentication) {
        boolean administrator = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Viewer(customer(authentication.getToken().getSubject()), administrator);
    }

    /** user-service's subjects are account ids; a subject that is not one owns no payment. */
    private static Optional<CustomerId> customer(String subject) {
        try {
            return Optional.of(new CustomerId(UUID.fromString(subject)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A payment as shoppers see it; the amount is a decimal string, never a floating-point number. */
    record PaymentResponse(UUID id, UUID orderId, String status, String amount, String currency, String paymentMethod,
            String failureReason, Instant createdAt, Instant refundedAt) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(payment.id().value(), payment.orderId().value(), payment.status().name(),
                    payment.amount().amount().toPlainString(), payment.amount().currency().getCurrencyCode(),
                    payment.paymentMethod(), payment.failureReason(), payment.createdAt(), payment.refundedAt());
        }
    }
}
