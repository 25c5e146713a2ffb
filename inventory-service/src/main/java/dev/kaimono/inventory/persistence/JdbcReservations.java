package dev.kaimono.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.inventory.application.Reservations;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation;
import dev.kaimono.inventory.domain.ReservationLine;
import dev.kaimono.inventory.domain.Shortage;

/** Reservations in {@code reservation} with their lines in {@code reservation_line}. */
@Repository
class JdbcReservations implements Reservations {

    private static final String WITH_LINES = """
            SELECT r.order_id, r.status, r.created_at, r.expires_at, r.updated_at,
                   l.product_id, l.quantity, l.available_when_refused
            FROM reservation r LEFT JOIN reservation_line l ON l.order_id = r.order_id""";

    private static final ResultSetExtractor<List<Reservation>> RESERVATIONS = JdbcReservations::collect;

    private final JdbcClient jdbc;

    JdbcReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        return jdbc.sql(WITH_LINES + " WHERE r.order_id = :id ORDER BY l.position").param("id", orderId.value())
                .query(RESERVATIONS).stream().findFirst();
    }

    @Override
    public Optional<Reservation> lock(OrderId orderId) {
        return jdbc.sql(WITH_LINES + " WHERE r.order_id = :id ORDER BY l.position FOR UPDATE OF r").param("id", orderId.value())
                .query(RESERVATIONS).stream().findFirst();
    }

    @Override
    public List<Reservation> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                WITH due AS (
                    SELECT order_id FROM reservation
                    WHERE status = 'RESERVED' AND expires_at <= :now
                    ORDER BY expires_at LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                """ + WITH_LINES + " JOIN due ON due.order_id = r.order_id ORDER BY r.order_id, l.position")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(RESERVATIONS);
    }

    @Override
    public void add(Reservation reservation) {
        jdbc.sql("""
                INSERT INTO reservation (order_id, status, created_at, expires_at, updated_at)
                VALUES (:id, :status, :createdAt, :expiresAt, :updatedAt)""")
                .param("id", reservation.orderId().value())
                .param("status", reservation.status().name())
                .param("createdAt", timestamp(reservation.createdAt()))
                .param("expiresAt", reservation.expiresAt().map(JdbcReservations::timestamp).orElse(null), Types.TIMESTAMP)
                .param("updatedAt", timestamp(reservation.updatedAt()))
                .update();
        insertLines(reservation, "");
    }

    @Override
    public void update(Collection<Reservation> reservations) {
        for (Reservation reservation : reservations) {
            jdbc.sql("UPDATE reservation SET status = :status, updated_at = :updatedAt WHERE order_id = :id")
                    .param("id", reservation.orderId().value())
                    .param("status", reservation.status().name())
                    .param("updatedAt", timestamp(reservation.updatedAt()))
                    .update();
            if (reservation.status() == Reservation.Status.DEDUCTED) {
                // Only a confirmation gives a reservation lines it did not have (one released before it was placed).
                insertLines(reservation, " ON CONFLICT DO NOTHING");
            }
        }
    }

    private void insertLines(Reservation reservation, String onConflict) {
        Map<ProductId, Integer> shortOf = new LinkedHashMap<>();
        reservation.shortages().forEach(shortage -> shortOf.put(shortage.productId(), shortage.available()));
        List<ReservationLine> lines = reservation.lines();
        for (int position = 0; position < lines.size(); position++) {
            ReservationLine line = lines.get(position);
            jdbc.sql("""
                    INSERT INTO reservation_line (order_id, position, product_id, quantity, available_when_refused)
                    VALUES (:id, :position, :productId, :quantity, :availableWhenRefused)""" + onConflict)
                    .param("id", reservation.orderId().value())
                    .param("position", position)
                    .param("productId", line.productId().value())
                    .param("quantity", line.quantity())
                    .param("availableWhenRefused", shortOf.get(line.productId()), Types.INTEGER)
                    .update();
        }
    }

    /** Rows of reservations joined with their lines (ordered by reservation, then position) as reservations. */
    private static List<Reservation> collect(ResultSet rows) throws SQLException {
        Map<UUID, Header> headers = new LinkedHashMap<>();
        while (rows.next()) {
            UUID orderId = rows.getObject("order_id", UUID.class);
            Header header = headers.get(orderId);
            if (header == null) {
                header = new Header(new OrderId(orderId), Reservation.Status.valueOf(rows.getString("status")),
                        instant(rows, "created_at"), instant(rows, "expires_at"), instant(rows, "updated_at"),
                        new ArrayList<>(), new ArrayList<>());
                headers.put(orderId, header);
            }
            UUID productId = rows.getObject("product_id", UUID.class);
            if (productId != null) {
                ProductId product = new ProductId(productId);
                int quantity = rows.getInt("quantity");
                header.lines().add(new ReservationLine(product, quantity));
                int availableWhenRefused = rows.getInt("available_when_refused");
                if (!rows.wasNull()) {
                    header.shortages().add(new Shortage(product, quantity, availableWhenRefused));
                }
            }
        }
        return headers.values().stream().map(Header::restore).toList();
    }

    /**
     * PostgreSQL keeps microseconds and would round the rest; cutting them off keeps a stored deadline from
     * moving later than the one the domain computed, so a reservation the database finds due is due.
     */
    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Header(OrderId orderId, Reservation.Status status, Instant createdAt, Instant expiresAt,
            Instant updatedAt, List<ReservationLine> lines, List<Shortage> shortages) {

        Reservation restore() {
            return Reservation.restore(orderId, status, lines, shortages, createdAt, expiresAt, updatedAt);
        }
    }
}
