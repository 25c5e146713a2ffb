package dev.kaimono.order.projection;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.domain.Order;

/** Keeps {@code order_details}: everything about one order, lines and address as JSON documents. */
@Component
class OrderDetailsProjection implements Projection {

    private final JdbcClient jdbc;

    OrderDetailsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "order_details";
    }

    @Override
    public void project(Order order, long version) {
        OrderDetails details = OrderDetails.of(order, version);
        DetailsDocuments documents = DetailsDocuments.of(details);
        jdbc.sql("""
                INSERT INTO order_details (order_id, customer_id, status, lines, total_amount, currency, shipping_address,
                    payment_method, cancellation_reason, shipment_id, carrier, tracking_number, created_at, updated_at, version)
                VALUES (:id, :customer, :status, :lines, :total, :currency, :address, :paymentMethod, :reason, :shipment,
                    :carrier, :tracking, :created, :updated, :version)
                ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, lines = excluded.lines,
                    total_amount = excluded.total_amount, currency = excluded.currency,
                    shipping_address = excluded.shipping_address, payment_method = excluded.payment_method,
                    cancellation_reason = excluded.cancellation_reason, shipment_id = excluded.shipment_id,
                    carrier = excluded.carrier, tracking_number = excluded.tracking_number,
                    updated_at = excluded.updated_at, version = excluded.version
                WHERE order_details.version <= excluded.version""")
                .param("id", details.id().value())
                .param("customer", details.customerId().value())
                .param("status", details.status().name())
                .param("lines", documents.lines())
                .param("total", details.total().amount())
                .param("currency", details.total().currency().getCurrencyCode())
                .param("address", documents.shippingAddress())
                .param("paymentMethod", details.paymentMethod())
                .param("reason", details.cancellationReason() == null ? null : details.cancellationReason().name())
                .param("shipment", details.shipment() == null ? null : details.shipment().shipmentId())
                .param("carrier", details.shipment() == null ? null : details.shipment().carrier())
                .param("tracking", details.shipment() == null ? null : details.shipment().trackingNumber())
                .param("created", Timestamp.from(details.createdAt()))
                .param("updated", Timestamp.from(details.updatedAt()))
                .param("version", details.version())
                .update();
    }

    @Override
    public void reset() {
        jdbc.sql("DELETE FROM order_details").update();
    }
}
