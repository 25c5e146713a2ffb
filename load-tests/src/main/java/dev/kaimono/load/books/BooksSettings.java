package dev.kaimono.load.books;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the books are and how long to wait for them to settle. Read from the same environment variables the
 * services and {@code ./platform} use ({@code POSTGRES_*}, {@code RABBITMQ_*}, {@code KAIMONO_DB_SUFFIX},
 * {@code RABBITMQ_VHOST}), each overridable by a system property ({@code -Dkaimono.dbSuffix}, …).
 *
 * @param databaseSuffix   appended to each service's database name, e.g. {@code _load} for {@code kaimono_orders_load}
 * @param virtualHost      the environment's RabbitMQ virtual host
 * @param catalogStore     catalog-service's MongoDB, a connection string naming the database ({@code MONGODB_URI}, as the
 *                         service reads it; without it, the store {@code ./platform} runs inside catalog-service)
 * @param settleTimeout    how long to wait for stragglers before judging the books
 * @param acceptedOrders   the run's accepted orders ({@link AcceptedOrdersFile}), if it recorded them
 * @param initialStock     the stock each product started with ({@link InitialStockFile}), if the run's setup recorded it
 */
public record BooksSettings(String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String databaseSuffix, String rabbitHost, int rabbitPort, String rabbitUser, String rabbitPassword,
        int rabbitManagementPort, String virtualHost, String catalogStore, Duration settleTimeout,
        Optional<Path> acceptedOrders, Optional<Path> initialStock) {

    /** The port of the MongoDB-compatible store {@code ./platform} starts inside catalog-service (its catalog_store_port). */
    static final int PLATFORM_CATALOG_STORE_PORT = 9982;

    /**
     * The settings of this process: system property, else environment variable, else the local default.
     * Without {@code -Dkaimono.accepted} / {@code -Dkaimono.products}, the files the load test writes into
     * {@code kaimono.output} (its {@code target/}) are used when they exist.
     */
    public static BooksSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static BooksSettings from(Map<String, String> env, Properties properties) {
        Lookup lookup = new Lookup(env, properties);
        String suffix = lookup.get("kaimono.dbSuffix", "KAIMONO_DB_SUFFIX", "");
        Path output = Path.of(lookup.get("kaimono.output", "KAIMONO_LOAD_OUTPUT", "load-tests/target"));
        return new BooksSettings(
                lookup.get("kaimono.postgres.host", "POSTGRES_HOST", "127.0.0.1"),
                Integer.parseInt(lookup.get("kaimono.postgres.port", "POSTGRES_PORT", "5432")),
                lookup.get("kaimono.postgres.user", "POSTGRES_USER", "postgres"),
                lookup.get("kaimono.postgres.password", "POSTGRES_PASSWORD", ""),
                suffix,
                lookup.get("kaimono.rabbitmq.host", "RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(lookup.get("kaimono.rabbitmq.port", "RABBITMQ_PORT", "5672")),
                lookup.get("kaimono.rabbitmq.user", "RABBITMQ_USER", "guest"),
                lookup.get("kaimono.rabbitmq.password", "RABBITMQ_PASSWORD", "guest"),
                Integer.parseInt(lookup.get("kaimono.rabbitmq.managementPort", "RABBITMQ_MANAGEMENT_PORT", "15672")),
                lookup.get("kaimono.vhost", "RABBITMQ_VHOST", "kaimono" + suffix),
                lookup.get("kaimono.mongodb.uri", "MONGODB_URI", platformCatalogStore(
                        Integer.parseInt(lookup.get("kaimono.portOffset", "KAIMONO_PORT_OFFSET", "0")))),
                Duration.ofSeconds(Long.parseLong(lookup.get("kaimono.settleSeconds", "KAIMONO_SETTLE_SECONDS", "120"))),
                file(lookup.get("kaimono.accepted", "KAIMONO_ACCEPTED_ORDERS", null), output.resolve("accepted-orders.csv")),
                file(lookup.get("kaimono.products", "KAIMONO_PRODUCTS", null), output.resolve("products.csv")));
    }

    /** A named file must exist; the default one is used only when it does. */
    private static Optional<Path> file(String named, Path fallback) {
        if (named != null && !named.isBlank()) {
            if (named.equals("none")) {
                return Optional.empty();
            }
            Path path = Path.of(named);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("No such file: " + path.toAbsolutePath());
            }
            return Optional.of(path);
        }
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The catalog store of a {@code ./platform} environment whose ports are shifted by {@code portOffset}. */
    public static String platformCatalogStore(int portOffset) {
        return "mongodb://127.0.0.1:%d/kaimono_catalog".formatted(PLATFORM_CATALOG_STORE_PORT + portOffset);
    }

    /** A service's database in this environment, e.g. {@code kaimono_orders_load}. */
    String database(String baseName) {
        return baseName + databaseSuffix;
    }

    public BooksSettings withEnvironment(String databaseSuffix, String virtualHost, String catalogStore) {
        return new BooksSettings(postgresHost, postgresPort, postgresUser, postgresPassword, databaseSuffix, rabbitHost,
                rabbitPort, rabbitUser, rabbitPassword, rabbitManagementPort, virtualHost, catalogStore, settleTimeout,
                acceptedOrders, initialStock);
    }

    public BooksSettings withSettleTimeout(Duration timeout) {
        return new BooksSettings(postgresHost, postgresPort, postgresUser, postgresPassword, databaseSuffix, rabbitHost,
                rabbitPort, rabbitUser, rabbitPassword, rabbitManagementPort, virtualHost, catalogStore, timeout,
                acceptedOrders, initialStock);
    }

    public BooksSettings withFiles(Optional<Path> accepted, Optional<Path> products) {
        return new BooksSettings(postgresHost, postgresPort, postgresUser, postgresPassword, databaseSuffix, rabbitHost,
                rabbitPort, rabbitUser, rabbitPassword, rabbitManagementPort, virtualHost, catalogStore, settleTimeout,
                accepted, products);
    }

    /** What the report's header says about where it looked. */
    String describe() {
        return "databases kaimono_*%s on %s:%d, vhost %s on %s:%d, catalog %s; accepted orders: %s; initial stock: %s"
                .formatted(databaseSuffix, postgresHost, postgresPort, virtualHost, rabbitHost, rabbitPort, catalogStore,
                acceptedOrders.map(Path::toString).orElse("none"), initialStock.map(Path::toString).orElse("none"));
    }

    private record Lookup(Map<String, String> env, Properties properties) {

        String get(String property, String variable, String fallback) {
            String value = properties.getProperty(property);
            if (value == null) {
                value = env.get(variable);
            }
            return value == null ? fallback : value;
        }
    }
}
