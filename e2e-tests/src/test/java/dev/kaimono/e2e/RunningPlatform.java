package dev.kaimono.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import dev.kaimono.load.books.BooksSettings;

/**
 * The whole platform started from the real jars by {@code ./platform up}, on ports shifted by
 * {@value #PORT_OFFSET} (so it runs beside a developer's platform), with its own databases and run
 * directory, vhost and Redis prefix. user-service signs with a key this class made, so tests can mint tokens with
 * the real key (expired, wrong audience) as well as forged ones. Closed, whatever the outcome, by
 * {@code ./platform down} and {@code reset}, which also clears what a killed earlier run left before {@code up}.
 */
final class RunningPlatform implements AutoCloseable {

    static final int PORT_OFFSET = 10000;
    static final String ADMIN_EMAIL = "admin@kaimono.local";
    static final String ADMIN_PASSWORD = "e2e-admin-password-1";
    static final int LOGIN_BURST = 6;

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(1);

    private final Path root;
    private final Path runDirectory;
    private final int portOffset;
    private final RSAKey signingKey;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final OtlpTraceReceiver traces;

    private RunningPlatform(Path root, String name, int portOffset, RSAKey signingKey, OtlpTraceReceiver traces) {
        this.root = root;
        this.runDirectory = root.resolve("e2e-tests/target/" + name);
        this.portOffset = portOffset;
        this.signingKey = signingKey;
        this.traces = traces;
        environment.put("KAIMONO_PORT_OFFSET", Integer.toString(portOffset));
        environment.put("KAIMONO_RUN_DIR", runDirectory.toString());
        environment.put("KAIMONO_DB_SUFFIX", "_" + name.replace('-', '_'));
        environment.put("KAIMONO_SKIP_BUILD", "1");
        environment.put("KAIMONO_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("KAIMONO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (signingKey != null) {
            environment.put("KAIMONO_JWT_SIGNING_KEY", pem(signingKey));
            environment.put("KAIMONO_JWT_SIGNING_KEY_ID", signingKey.getKeyID());
        }
        environment.put("KAIMONO_GATEWAY_TRUSTED_PROXIES", "127.0.0.1,::1");
        environment.put("KAIMONO_GATEWAY_RATELIMIT_LOGIN_REPLENISHRATE", "1");
        environment.put("KAIMONO_GATEWAY_RATELIMIT_LOGIN_BURSTCAPACITY", Integer.toString(LOGIN_BURST));
        if (traces != null) {
            // Every service exports its spans to the test's collector, as ./platform does to a real one.
            environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint());
            environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "200ms");
        } else {
            environment.put("MANAGEMENT_TRACING_EXPORT_ENABLED", "false");
        }
    }

    /**
     * The e2e platform: all seven services, environment {@code e2e} (databases {@code *_e2e}, vhost
     * {@code kaimono_e2e}), ports shifted by {@value #PORT_OFFSET}, signing with a key the tests hold.
     */
    static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform(repositoryRoot(), "platform", PORT_OFFSET, newSigningKey(),
                OtlpTraceReceiver.start());
        platform.environment.put("KAIMONO_DB_SUFFIX", "_e2e");
        platform.resetAndUp();
        return platform;
    }

    /**
     * A second environment beside the e2e platform, as a developer's {@code ./platform up} would be: only the
     * named services, its own ports, databases ({@code *_<name>}), vhost and Redis prefix, and a signing key
     * user-service keeps in its run directory.
     */
    static RunningPlatform startBeside(String name, int portOffset, String... services) {
        RunningPlatform platform = new RunningPlatform(repositoryRoot(), name, portOffset, null, null);
        platform.environment.put("KAIMONO_SERVICES", String.join(" ", services));
        platform.resetAndUp();
        return platform;
    }

    private static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** Every run starts from empty databases and an empty vhost, whatever an earlier (killed) run left. */
    private void resetAndUp() {
        try {
            run(DOWN_TIMEOUT, "down");
            run(DOWN_TIMEOUT, "reset");
            run(UP_TIMEOUT, "up");
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** A variable of the environment {@code ./platform} runs with, e.g. {@code KAIMONO_DB_SUFFIX}. */
    String setting(String name) {
        return environment.get(name);
    }

    /** The RabbitMQ virtual host {@code ./platform} made for this environment. */
    String virtualHost() {
        return "kaimono" + environment.get("KAIMONO_DB_SUFFIX");
    }

    /** catalog-service's store in this environment: the MongoDB-compatible server ./platform runs inside it. */
    String catalogStore() {
        return BooksSettings.platformCatalogStore(portOffset);
    }

    /** The name of a service's PostgreSQL database in this environment, e.g. {@code kaimono_orders_e2e}. */
    String database(String baseName) {
        return baseName + environment.get("KAIMONO_DB_SUFFIX");
    }

    /** A connection to one of this environment's databases, e.g. {@code connect("kaimono_payments")}, as an auditor opens it. */
    Connection connect(String baseName) throws SQLException {
        String url = "jdbc:postgresql://%s:%s/%s".formatted(System.getenv().getOrDefault("POSTGRES_HOST", "127.0.0.1"),
                System.getenv().getOrDefault("POSTGRES_PORT", "5432"), database(baseName));
        return DriverManager.getConnection(url, System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
    }

    Path runDirectory() {
        return runDirectory;
    }

    /** The public port of a service. */
    int port(String service) {
        return managementPort(service) - 1000;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway-service");
    }

    /** The spans the services exported, as an OpenTelemetry collector would have received them. */
    OtlpTraceReceiver traces() {
        return traces;
    }

    /** The management (actuator) port of a service, shifted like every port of this platform. */
    int managementPort(String service) {
        return switch (service) {
            case "gateway-service" -> 9080;
            case "user-service" -> 9081;
            case "catalog-service" -> 9082;
            case "order-service" -> 9083;
            case "inventory-service" -> 9084;
            case "payment-service" -> 9085;
            case "shipping-service" -> 9086;
            default -> throw new IllegalArgumentException("No such service: " + service);
        } + portOffset;
    }

    /** Where the platform's services write their JSON logs. */
    Path logOf(String service) {
        return runDirectory.resolve("logs/" + service + ".log");
    }

    RSAKey signingKey() {
        return signingKey;
    }

    /** The running process of a service, by the pid {@code ./platform} recorded. */
    ProcessHandle process(String service) throws IOException {
        long pid = Long.parseLong(Files.readString(runDirectory.resolve("pids/" + service + ".pid")).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
    }

    /** The checkout the platform runs from: where {@code ./platform} and the modules' {@code target/} are. */
    Path root() {
        return root;
    }

    /** Stops one service gracefully (SIGTERM to the pid {@code ./platform} recorded) and waits for it to exit. */
    void stop(String service) throws IOException {
        ProcessHandle process = process(service);
        process.destroy();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Starts whatever is not running (e.g. a service a test stopped or killed) and waits until it is ready. */
    void startMissing() {
        run(UP_TIMEOUT, "up");
    }

    /** Kills one service at once (SIGKILL), as a crash would, and waits for the process to be gone. */
    void kill(String service) throws IOException {
        ProcessHandle process = process(service);
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Stops every service and deletes the environment's databases, vhost and Redis keys. */
    @Override
    public void close() {
        try {
            run(DOWN_TIMEOUT, "down");
            run(DOWN_TIMEOUT, "reset");
        } finally {
            if (traces != null) {
                traces.close();
            }
        }
    }

    /** Stops one service with {@code KAIMONO_SERVICES=<service> ./platform down}, as an operator would. */
    void down(String service) {
        run(DOWN_TIMEOUT, Map.of("KAIMONO_SERVICES", service), "down");
    }

    private void run(Duration timeout, String... arguments) {
        run(timeout, Map.of(), arguments);
    }

    private void run(Duration timeout, Map<String, String> overrides, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("platform").toString()));
        command.addAll(List.of(arguments));
        Path log = runDirectory.resolveSibling(runDirectory.getFileName() + "-" + arguments[0] + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().putAll(overrides);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("./platform %s did not finish within %s; its output:%n%s"
                        .formatted(arguments[0], timeout, Files.readString(log)));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./platform %s failed (exit %d); its output:%n%s"
                        .formatted(arguments[0], process.exitValue(), Files.readString(log)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run ./platform " + arguments[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running ./platform " + arguments[0], e);
        }
    }

    private static RSAKey newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("e2e-" + Long.toHexString(System.nanoTime())).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(RSAKey key) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toPrivateKey().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
