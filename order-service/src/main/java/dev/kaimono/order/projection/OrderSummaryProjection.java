package dev.kaimono.order.projection;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kaimono.order.application.reading.OrderSummary;
import dev.kaimono.order.domain.Order;

/** Keeps {@code order_summary}: one row per order, listed per shopper. */
@Component
class OrderSummaryProjection implements Projection {

    private final JdbcClient jdbc;

    OrderSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "order_summary";
    }

    @Override
    public void project(Order order, long version) {
        OrderSummary summary = OrderSummary.of(order, version);
        jdbc.sql("""
                INSERT INTO order_summary (order_id, customer_id, status, total_amount, currency, item_count, created_at,
                                           updated_at, version)
                VALUES (:id, :customer, :status, :total, :currency, :items, :created, :updated, :version)
                ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, total_amount = excluded.total_amount,
                    currency = excluded.currency, item_count = excluded.item_count, updated_at = excluded.updated_at,
                    version = excluded.version
                WHERE order_summary.version <= excluded.version""")
                .param("id", summary.id().value())
                .param("customer", summary.customerId().value())
                .param("status", summary.status().name())
                .param("total", summary.total().amount())
                .param("currency", summary.total().currency().getCurrencyCode())
                .param("items", summary.itemCount())
                .param("created", Timestamp.from(summary.createdAt()))
                .param("updated", Timestamp.from(summary.updatedAt()))
                .param("version", summary.version())
                .update();
    }

    @Override
    public void reset() {
        jdbc.sql("DELETE FROM order_summary").update();
    }
}
