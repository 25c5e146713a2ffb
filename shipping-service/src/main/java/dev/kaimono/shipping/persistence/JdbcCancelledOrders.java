package dev.kaimono.shipping.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.shipping.application.CancelledOrders;
import dev.kaimono.shipping.domain.OrderId;

/** Cancelled orders without a shipment, in the {@code cancelled_order} table. */
@Repository
class JdbcCancelledOrders implements CancelledOrders {

    private final JdbcClient jdbc;

    JdbcCancelledOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void note(OrderId orderId, Instant cancelledAt) {
        jdbc.sql("INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (:orderId, :cancelledAt) ON CONFLICT DO NOTHING")
                .param("orderId", orderId.value())
                .param("cancelledAt", Timestamp.from(cancelledAt))
                .update();
    }

    @Override
    public boolean contains(OrderId orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cancelled_order WHERE order_id = :orderId)")
                .param("orderId", orderId.value())
                .query(Boolean.class)
                .single();
    }
}
