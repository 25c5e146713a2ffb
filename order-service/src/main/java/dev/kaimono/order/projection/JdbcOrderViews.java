package dev.kaimono.order.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.application.reading.OrderPage;
import dev.kaimono.order.application.reading.OrderSummary;
import dev.kaimono.order.application.reading.OrderViews;
import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderStatus;
import dev.kaimono.order.domain.Shipment;

/** Reads the read models the projections keep. */
@Repository
class JdbcOrderViews implements OrderViews {

    private final JdbcClient jdbc;

    JdbcOrderViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OrderPage<OrderSummary> summaries(CustomerId customer, int page, int size) {
        List<OrderSummary> content = jdbc.sql("""
                SELECT * FROM order_summary WHERE customer_id = :customer
                ORDER BY created_at DESC, order_id LIMIT :size OFFSET :offset""")
                .param("customer", customer.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> summary(row))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM order_summary WHERE customer_id = :customer")
                .param("customer", customer.value()).query(Long.class).single();
        return new OrderPage<>(content, page, size, total);
    }

    @Override
    public Optional<OrderDetails> details(OrderId orderId) {
        return jdbc.sql("SELECT * FROM order_details WHERE order_id = :id")
                .param("id", orderId.value())
                .query((row, n) -> details(row))
                .optional();
    }

    private static OrderSummary summary(ResultSet row) throws SQLException {
        return new OrderSummary(new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)), OrderStatus.valueOf(row.getString("status")),
                new Money(row.getBigDecimal("total_amount"), Currency.getInstance(row.getString("currency"))),
                row.getInt("item_count"), instant(row, "created_at"), instant(row, "updated_at"), row.getLong("version"));
    }

    private static OrderDetails details(ResultSet row) throws SQLException {
        UUID shipmentId = row.getObject("shipment_id", UUID.class);
        String reason = row.getString("cancellation_reason");
        return new OrderDetails(new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)), OrderStatus.valueOf(row.getString("status")),
                DetailsDocuments.lines(row.getString("lines")),
                new Money(row.getBigDecimal("total_amount"), Currency.getInstance(row.getString("currency"))),
                DetailsDocuments.shippingAddress(row.getString("shipping_address")), row.getString("payment_method"),
                reason == null ? null : CancellationReason.valueOf(reason),
                shipmentId == null ? null : new Shipment(shipmentId, row.getString("carrier"), row.getString("tracking_number")),
                instant(row, "created_at"), instant(row, "updated_at"), row.getLong("version"));
    }

    private static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
