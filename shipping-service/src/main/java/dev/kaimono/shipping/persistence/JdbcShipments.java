package dev.kaimono.shipping.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.shipping.application.Shipments;
import dev.kaimono.shipping.domain.Address;
import dev.kaimono.shipping.domain.CustomerId;
import dev.kaimono.shipping.domain.OrderId;
import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentId;
import dev.kaimono.shipping.domain.ShipmentStatus;
import dev.kaimono.shipping.domain.Tracking;

/**
 * Shipments in the {@code shipment} table. Locks are row locks ({@code FOR UPDATE}), and for an
 * order that may have no row yet a transaction-scoped advisory lock in a key space of shipping's own.
 */
@Repository
class JdbcShipments implements Shipments {

    /** First half of the two-part advisory lock key: "SHIP", so order locks meet no other lock. */
    private static final int ORDER_LOCK_SPACE = 0x53484950;

    private final JdbcClient jdbc;

    JdbcShipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfOrderHasNone(Shipment shipment) {
        Address address = shipment.address();
        MapSqlParameterSource columns = progress(shipment)
                .addValue("orderId", shipment.orderId().value())
                .addValue("customerId", shipment.customerId().value())
                .addValue("name", address.name())
                .addValue("line1", address.line1())
                .addValue("city", address.city())
                .addValue("postalCode", address.postalCode())
                .addValue("country", address.country())
                .addValue("arrangedAt", Timestamp.from(shipment.arrangedAt()));
        return jdbc.sql("""
                INSERT INTO shipment (id, order_id, customer_id, status, recipient_name, address_line1, city, postal_code,
                                      country, carrier, tracking_number, arranged_at, dispatched_at, delivered_at, cancelled_at)
                VALUES (:id, :orderId, :customerId, :status, :name, :line1, :city, :postalCode,
                        :country, :carrier, :trackingNumber, :arrangedAt, :dispatchedAt, :deliveredAt, :cancelledAt)
                ON CONFLICT (order_id) DO NOTHING""")
                .paramSource(columns)
                .update() == 1;
    }

    @Override
    public void update(Shipment shipment) {
        jdbc.sql("""
                UPDATE shipment
                   SET status = :status, carrier = :carrier, tracking_number = :trackingNumber,
                       dispatched_at = :dispatchedAt, delivered_at = :deliveredAt, cancelled_at = :cancelledAt
                 WHERE id = :id""")
                .paramSource(progress(shipment))
                .update();
    }

    @Override
    public Optional<Shipment> find(ShipmentId id) {
        return jdbc.sql("SELECT * FROM shipment WHERE id = :id").param("id", id.value()).query(JdbcShipments::map).optional();
    }

    @Override
    public Optional<Shipment> findByOrder(OrderId orderId) {
        return jdbc.sql("SELECT * FROM shipment WHERE order_id = :orderId").param("orderId", orderId.value())
                .query(JdbcShipments::map).optional();
    }

    @Override
    public Optional<Shipment> lock(ShipmentId id) {
        return jdbc.sql("SELECT * FROM shipment WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(JdbcShipments::map).optional();
    }

    @Override
    public Optional<Shipment> lockByOrder(OrderId orderId) {
        return jdbc.sql("SELECT * FROM shipment WHERE order_id = :orderId FOR UPDATE").param("orderId", orderId.value())
                .query(JdbcShipments::map).optional();
    }

    @Override
    public void lockOrder(OrderId orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, :key)")
                .param("space", ORDER_LOCK_SPACE)
                .param("key", orderId.value().hashCode())
                .query((row, rowNumber) -> Boolean.TRUE)
                .single();
    }

    @Override
    public List<Shipment> lockInStatusSince(ShipmentStatus status, Instant cutoff, int limit) {
        String enteredAt = switch (status) {
            case ARRANGED -> "arranged_at";
            case DISPATCHED -> "dispatched_at";
            case DELIVERED -> "delivered_at";
            case CANCELLED -> "cancelled_at";
        };
        return jdbc.sql("""
                SELECT * FROM shipment
                 WHERE status = :status AND %1$s <= :cutoff
                 ORDER BY %1$s
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED""".formatted(enteredAt))
                .param("status", status.name())
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(JdbcShipments::map)
                .list();
    }

    @Override
    public List<Shipment> findByStatus(ShipmentStatus status, long offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM shipment
                 WHERE CAST(:status AS TEXT) IS NULL OR status = :status
                 ORDER BY arranged_at DESC, id
                 OFFSET :offset LIMIT :limit""")
                .param("status", status == null ? null : status.name(), Types.VARCHAR)
                .param("offset", offset)
                .param("limit", limit)
                .query(JdbcShipments::map)
                .list();
    }

    @Override
    public long countByStatus(ShipmentStatus status) {
        return jdbc.sql("SELECT count(*) FROM shipment WHERE CAST(:status AS TEXT) IS NULL OR status = :status")
                .param("status", status == null ? null : status.name(), Types.VARCHAR)
                .query(Long.class)
                .single();
    }

    /** The shipment's id and the columns that change as it moves through its lifecycle. */
    private static MapSqlParameterSource progress(Shipment shipment) {
        return new MapSqlParameterSource()
                .addValue("id", shipment.id().value())
                .addValue("status", shipment.status().name())
                .addValue("carrier", shipment.tracking().map(Tracking::carrier).orElse(null), Types.VARCHAR)
                .addValue("trackingNumber", shipment.tracking().map(Tracking::trackingNumber).orElse(null), Types.VARCHAR)
                .addValue("dispatchedAt", timestamp(shipment.dispatchedAt()), Types.TIMESTAMP)
                .addValue("deliveredAt", timestamp(shipment.deliveredAt()), Types.TIMESTAMP)
                .addValue("cancelledAt", timestamp(shipment.cancelledAt()), Types.TIMESTAMP);
    }

    private static Timestamp timestamp(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }

    private static Shipment map(ResultSet row, int rowNumber) throws SQLException {
        String carrier = row.getString("carrier");
        return Shipment.restore(
                new ShipmentId(row.getObject("id", UUID.class)),
                new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)),
                new Address(row.getString("recipient_name"), row.getString("address_line1"), row.getString("city"),
                        row.getString("postal_code"), row.getString("country")),
                ShipmentStatus.valueOf(row.getString("status")),
                carrier == null ? null : new Tracking(carrier, row.getString("tracking_number")),
                row.getTimestamp("arranged_at").toInstant(),
                instant(row, "dispatched_at"),
                instant(row, "delivered_at"),
                instant(row, "cancelled_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
