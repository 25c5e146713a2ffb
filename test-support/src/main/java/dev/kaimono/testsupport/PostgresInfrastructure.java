package dev.kaimono.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL server on which every test context gets a database of its own. */
public final class PostgresInfrastructure {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresInfrastructure(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        dropStaleDatabases();
    }

    static PostgresInfrastructure local() {
        String host = Infrastructure.setting("POSTGRES_HOST", "127.0.0.1");
        int port = Infrastructure.setting("POSTGRES_PORT", 5432);
        Infrastructure.requireReachable("PostgreSQL", host, port,
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        return new PostgresInfrastructure(host, port, Infrastructure.setting("POSTGRES_USER", "postgres"),
                Infrastructure.setting("POSTGRES_PASSWORD", ""));
    }

    static PostgresInfrastructure inContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return new PostgresInfrastructure(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
    }

    /** Creates an empty database and returns the Spring properties that point a context at it. */
    public Map<String, String> freshDatabaseProperties() {
        return propertiesFor(createDatabase());
    }

    /** The Spring properties that point a context at the database. */
    public Map<String, String> propertiesFor(String name) {
        return Map.of(
                "spring.datasource.url", jdbcUrl(name),
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase() {
        String name = TestResourceNames.fresh();
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database made by {@link #createDatabase()}, closing whatever still uses it. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void dropStaleDatabases() {
        List<String> stale = new ArrayList<>();
        Instant now = Instant.now();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'kt\\_%'")) {
            while (rows.next()) {
                if (TestResourceNames.isStale(rows.getString(1), now)) {
                    stale.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on PostgreSQL at %s:%d".formatted(host, port), e);
        }
        stale.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at %s:%d refused: %s".formatted(host, port, sql), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user, password);
    }
}
