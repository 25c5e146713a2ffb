package dev.kaimono.payment.application;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;

/** Shows payments to the shopper who made them and to administrators, and to nobody else. */
@Service
public class PaymentQueries {

    private final Payments payments;

    PaymentQueries(Payments payments) {
        this.payments = payments;
    }

    /**
     * The payment of an order, if it has one and the viewer may see it; empty otherwise (the same answer for
     * another shopper's order as for none, so nobody learns which orders exist).
     */
    public Optional<Payment> ofOrder(OrderId orderId, Viewer viewer) {
        return payments.byOrderId(orderId)
                .filter(payment -> viewer.administrator() || viewer.customer().filter(payment::isOwnedBy).isPresent());
    }

    /** Who asks: a shopper (when the token's subject is an account id), an administrator, or both. */
    public record Viewer(Optional<CustomerId> customer, boolean administrator) {
    }
}
