package dev.kaimono.payment.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.payment.application.Payments;
import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;
import dev.kaimono.payment.domain.PaymentId;
import dev.kaimono.payment.domain.PaymentStatus;

/** The {@code payment} table; one row per order. */
@Repository
class JdbcPayments implements Payments {

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfAbsent(Payment payment) {
        Payment.Snapshot state = payment.snapshot();
        return jdbc.sql("""
                INSERT INTO payment (id, order_id, customer_id, amount, currency, payment_method, status, failure_reason,
                    provider_reference, refund_amount, refund_reference, attempt_expires_at, created_at, settled_at,
                    refund_requested_at, refunded_at)
                VALUES (:id, :orderId, :customerId, :amount, :currency, :paymentMethod, :status, :failureReason,
                    :providerReference, :refundAmount, :refundReference, :attemptExpiresAt, :createdAt, :settledAt,
                    :refundRequestedAt, :refundedAt)
                ON CONFLICT (order_id) DO NOTHING""")
                .param("id", state.id().value())
                .param("orderId", state.orderId().value())
                .param("customerId", state.customerId().value())
                .param("amount", state.amount().amount())
                .param("currency", state.amount().currency().getCurrencyCode())
                .param("paymentMethod", state.paymentMethod())
                .param("status", state.status().name())
                .param("failureReason", state.failureReason())
                .param("providerReference", state.providerReference())
                .param("refundAmount", state.refundAmount() == null ? null : state.refundAmount().amount())
                .param("refundReference", state.refundReference())
                .param("attemptExpiresAt", timestamp(state.attemptExpiresAt()))
                .param("createdAt", timestamp(state.createdAt()))
                .param("settledAt", timestamp(state.settledAt()))
                .param("refundRequestedAt", timestamp(state.refundRequestedAt()))
                .param("refundedAt", timestamp(state.refundedAt()))
                .update() == 1;
    }

    @Override
    public Optional<Payment> lockByOrderId(OrderId orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId.value())
                .query(JdbcPayments::map)
                .optional();
    }

    @Override
    public Optional<Payment> byOrderId(OrderId orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query(JdbcPayments::map)
                .optional();
    }

    @Override
    public void update(Payment payment) {
        Payment.Snapshot state = payment.snapshot();
        int updated = jdbc.sql("""
                UPDATE payment SET status = :status, failure_reason = :failureReason,
                    provider_reference = :providerReference, refund_amount = :refundAmount,
                    refund_reference = :refundReference, attempt_expires_at = :attemptExpiresAt,
                    settled_at = :settledAt, refund_requested_at = :refundRequestedAt, refunded_at = :refundedAt
                WHERE id = :id""")
                .param("id", state.id().value())
                .param("status", state.status().name())
                .param("failureReason", state.failureReason())
                .param("providerReference", state.providerReference())
                .param("refundAmount", state.refundAmount() == null ? null : state.refundAmount().amount())
                .param("refundReference", state.refundReference())
                .param("attemptExpiresAt", timestamp(state.attemptExpiresAt()))
                .param("settledAt", timestamp(state.settledAt()))
                .param("refundRequestedAt", timestamp(state.refundRequestedAt()))
                .param("refundedAt", timestamp(state.refundedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("The payment of order " + state.orderId() + " is not stored");
        }
    }

    @Override
    public List<OrderId> awaitingProvider(Instant now, int limit) {
        return jdbc.sql("""
                SELECT order_id FROM payment
                WHERE status IN ('PENDING', 'REFUNDING') AND (attempt_expires_at IS NULL OR attempt_expires_at <= :now)
                ORDER BY created_at LIMIT :limit""")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((row, number) -> new OrderId(row.getObject("order_id", UUID.class)))
                .list();
    }

    private static Payment map(ResultSet row, int number) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        BigDecimal refundAmount = row.getBigDecimal("refund_amount");
        return Payment.restore(new Payment.Snapshot(
                new PaymentId(row.getObject("id", UUID.class)),
                new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)),
                new Money(row.getBigDecimal("amount"), currency),
                row.getString("payment_method"),
                PaymentStatus.valueOf(row.getString("status")),
                row.getString("failure_reason"),
                row.getString("provider_reference"),
                refundAmount == null ? null : new Money(refundAmount, currency),
                row.getString("refund_reference"),
                instant(row, "attempt_expires_at"),
                instant(row, "created_at"),
                instant(row, "settled_at"),
                instant(row, "refund_requested_at"),
                instant(row, "refunded_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
