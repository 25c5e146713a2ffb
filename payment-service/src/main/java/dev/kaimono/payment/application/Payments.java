package dev.kaimono.payment.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;

/** The store of payments: at most one per order. */
public interface Payments {

    /**
     * Stores a new payment unless its order already has one; safe when several callers race for one order.
     *
     * @return whether this payment was stored
     */
    boolean addIfAbsent(Payment payment);

    /** The order's payment, locked against concurrent changes until the surrounding transaction ends. */
    Optional<Payment> lockByOrderId(OrderId orderId);

    Optional<Payment> byOrderId(OrderId orderId);

    /** Stores the changed state of a payment that was {@linkplain #lockByOrderId locked} in this transaction. */
    void update(Payment payment);

    /**
     * Orders whose payment awaits the provider with no attempt under way at {@code now} (none, or an
     * expired one), oldest first: what a recovery sweep picks up after a crash.
     */
    List<OrderId> awaitingProvider(Instant now, int limit);
}
