package dev.kaimono.load.books;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each service's own tables, as an accountant reads the ledgers: order-service's event store
 * ({@code order_event}) and sagas ({@code place_order_saga}), inventory's {@code stock_item} and
 * {@code reservation}/{@code reservation_line}, {@code payment}, {@code shipment}, every database's
 * {@code outbox_event}, and catalog-service's events waiting in its MongoDB documents ({@link CatalogOutbox}).
 * Read-only; the services are never asked.
 */
final class LedgerReader {

    static final String ORDERS = "kaimono_orders";
    static final String INVENTORY = "kaimono_inventory";
    static final String PAYMENTS = "kaimono_payments";
    static final String SHIPPING = "kaimono_shipping";
    static final String USERS = "kaimono_users";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BooksSettings settings;
    private final BrokerQueues queues;

    LedgerReader(BooksSettings settings) {
        this.settings = settings;
        this.queues = new BrokerQueues(settings);
    }

    /** The ledgers of every service; the broker's queues only when {@code withQueues} (asking the broker costs more). */
    Books read(boolean withQueues) {
        Map<UUID, Books.Order> orders = new HashMap<>();
        Map<UUID, String> sagas = new HashMap<>();
        Map<UUID, Books.Stock> stock = new HashMap<>();
        Map<UUID, Books.Reservation> reservations = new HashMap<>();
        List<Books.Payment> payments = new ArrayList<>();
        List<Books.Shipment> shipments = new ArrayList<>();
        Map<String, Long> outboxes = new LinkedHashMap<>();
        // Payments, shipments and stock are read before the orders, so an order that settles while we read
        // is seen settled only with its effects (a settled order with a missing effect would be a false alarm).
        query(PAYMENTS, """
                SELECT order_id, status, amount, currency, provider_reference IS NOT NULL AS captured,
                       CASE WHEN status = 'REFUNDED' THEN refund_amount ELSE 0 END AS refunded
                FROM payment""", row -> payments.add(new Books.Payment(uuid(row, "order_id"), row.getString("status"),
                row.getBigDecimal("amount"), row.getString("currency").strip(), row.getBoolean("captured"),
                row.getBigDecimal("refunded"))));
        query(SHIPPING, "SELECT order_id, status FROM shipment",
                row -> shipments.add(new Books.Shipment(uuid(row, "order_id"), row.getString("status"))));
        Map<UUID, Map<UUID, Integer>> reservationLines = new HashMap<>();
        Map<UUID, String> reservationStatus = new HashMap<>();
        query(INVENTORY, """
                SELECT r.order_id, r.status, l.product_id, l.quantity
                FROM reservation r LEFT JOIN reservation_line l ON l.order_id = r.order_id""", row -> {
            UUID orderId = uuid(row, "order_id");
            reservationStatus.put(orderId, row.getString("status"));
            Map<UUID, Integer> lines = reservationLines.computeIfAbsent(orderId, id -> new HashMap<>());
            if (row.getString("product_id") != null) {
                lines.merge(uuid(row, "product_id"), row.getInt("quantity"), Integer::sum);
            }
        });
        reservationStatus.forEach((orderId, status) ->
                reservations.put(orderId, new Books.Reservation(orderId, status, reservationLines.get(orderId))));
        query(INVENTORY, "SELECT product_id, on_hand, reserved FROM stock_item", row -> {
            UUID product = uuid(row, "product_id");
            stock.put(product, new Books.Stock(product, row.getInt("on_hand"), row.getInt("reserved")));
        });
        readOrders(orders, sagas);
        for (String baseName : List.of(ORDERS, INVENTORY, PAYMENTS, SHIPPING, USERS)) {
            query(baseName, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL",
                    row -> outboxes.put(settings.database(baseName), row.getLong(1)));
        }
        outboxes.put("kaimono_catalog (MongoDB)", CatalogOutbox.pendingEvents(settings.catalogStore()));
        return new Books(orders, sagas, stock, reservations, payments, shipments, outboxes,
                withQueues ? queues.depths() : Map.of());
    }

    private void readOrders(Map<UUID, Books.Order> orders, Map<UUID, String> sagas) {
        Map<UUID, String> statuses = new HashMap<>();
        query(ORDERS, "SELECT order_id, state FROM place_order_saga",
                row -> sagas.put(uuid(row, "order_id"), row.getString("state")));
        query(ORDERS, """
                SELECT DISTINCT ON (aggregate_id) aggregate_id, event_type
                FROM order_event ORDER BY aggregate_id, version DESC""",
                row -> statuses.put(uuid(row, "aggregate_id"), statusAfter(row.getString("event_type"))));
        query(ORDERS, "SELECT aggregate_id, payload FROM order_event WHERE event_type = 'OrderPlaced'", row -> {
            UUID id = uuid(row, "aggregate_id");
            JsonNode placed = JSON.readTree(row.getString("payload"));
            Map<UUID, Integer> lines = new HashMap<>();
            placed.get("lines").valueStream().forEach(line ->
                    lines.merge(UUID.fromString(line.get("productId").asString()), line.get("quantity").asInt(), Integer::sum));
            JsonNode total = placed.get("total");
            orders.put(id, new Books.Order(id, statuses.getOrDefault(id, "PENDING"), lines,
                    new BigDecimal(total.get("amount").asString()), total.get("currency").asString()));
        });
    }

    /** The order each Idempotency-Key placed, for the keys that are UUIDs (the load test's are). */
    Map<UUID, UUID> ordersByIdempotencyKey() {
        Map<UUID, UUID> orders = new HashMap<>();
        query(ORDERS, "SELECT key, order_id FROM idempotency_key", row -> {
            try {
                orders.put(UUID.fromString(row.getString("key")), uuid(row, "order_id"));
            } catch (IllegalArgumentException notTheLoadTests) {
                // A key some other client chose: not one the run could have sent.
            }
        });
        return orders;
    }

    /** The status an order has after its last event (the event store is the truth; projections may lag). */
    static String statusAfter(String eventType) {
        return switch (eventType) {
            case "OrderPlaced" -> "PENDING";
            case "OrderConfirmed" -> "CONFIRMED";
            case "OrderCancelled" -> "CANCELLED";
            case "OrderShipped" -> "SHIPPED";
            case "OrderDelivered" -> "DELIVERED";
            default -> "UNKNOWN(" + eventType + ")";
        };
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /** Runs a read-only query in a service's database of this environment. */
    private void query(String baseName, String sql, RowHandler handler) {
        String database = settings.database(baseName);
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.postgresUser());
        if (!settings.postgresPassword().isEmpty()) {
            credentials.setProperty("password", settings.postgresPassword());
        }
        credentials.setProperty("readOnly", "true");
        String url = "jdbc:postgresql://%s:%d/%s".formatted(settings.postgresHost(), settings.postgresPort(), database);
        try (Connection connection = DriverManager.getConnection(url, credentials);
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(5_000);
            connection.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read %s (%s): %s".formatted(database, url, e.getMessage()), e);
        }
    }

    private static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
