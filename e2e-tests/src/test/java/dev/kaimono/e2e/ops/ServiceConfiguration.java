package dev.kaimono.e2e.ops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's own configuration says a deployment must match: its HTTP and management ports, its gRPC port
 * ({@code kaimono.grpc.port}, 0 for a service that serves no gRPC), and
 * the environment variables it reads — the {@code ${NAME}} placeholders of its {@code application.yml} and
 * of the shared service defaults, and any Spring Boot property of its jar in environment-variable form.
 */
public record ServiceConfiguration(String name, int httpPort, int managementPort, int grpcPort, Set<String> placeholders,
        Set<String> bootProperties) {

    public static final List<String> SERVICES = List.of("user-service", "catalog-service", "order-service",
            "inventory-service", "payment-service", "shipping-service", "gateway-service");
    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String READINESS = "/actuator/health/readiness";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ServiceConfiguration of(String service) {
        Path root = RepositoryFiles.root();
        Path applicationYml = root.resolve(service + "/src/main/resources/application.yml");
        Map<String, Object> application = RepositoryFiles.yaml(applicationYml);
        try {
            Set<String> placeholders = new TreeSet<>(placeholders(Files.readString(applicationYml)));
            placeholders.addAll(placeholders(Files.readString(
                    root.resolve("service-runtime/src/main/resources/kaimono/service-defaults.properties"))));
            return new ServiceConfiguration(service, port(application, "server"), port(application, "management", "server"),
                    grpcPort(application), placeholders, bootProperties(root.resolve(service + "/target/" + service + ".jar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the service reads this environment variable: one of its placeholders, or a Spring Boot
     * property of its jar written the way relaxed binding reads the environment
     * ({@code management.tracing.sampling.probability} is {@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY}), or one
     * the JVM reads ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}).
     */
    public boolean reads(String variable) {
        return placeholders.contains(variable) || bootProperties.contains(variable) || variable.equals("JAVA_TOOL_OPTIONS")
                || variable.equals("JDK_JAVA_OPTIONS");
    }

    public String url() {
        return "http://" + name + ":" + httpPort;
    }

    /** {@code host:port} of the service's gRPC server where a deployment names it by {@code host}. */
    public String grpcAddress(String host) {
        return host + ":" + grpcPort;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static int port(Map<String, Object> application, String... path) {
        Map<String, Object> node = application;
        for (String key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return ((Number) node.get("port")).intValue();
    }

    /** {@code kaimono.grpc.port}: the default of its {@code ${VARIABLE:default}} placeholder, or 0 when absent. */
    @SuppressWarnings("unchecked")
    private static int grpcPort(Map<String, Object> application) {
        Object kaimono = application.get("kaimono");
        Object grpc = kaimono instanceof Map<?, ?> map ? map.get("grpc") : null;
        Object port = grpc instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("port") : null;
        if (port == null) {
            return 0;
        }
        String value = port.toString();
        Matcher placeholder = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}").matcher(value);
        return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : value);
    }

    /** Every property the Spring Boot modules in the jar declare, as an environment variable name. */
    private static Set<String> bootProperties(Path jar) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B verify does)");
        }
        Set<String> variables = new TreeSet<>();
        try (ZipInputStream outer = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = outer.getNextEntry()) != null; ) {
                if (entry.getName().matches("BOOT-INF/lib/spring-boot-[a-z0-9-]+-\\d.*\\.jar")) {
                    readMetadata(new ByteArrayInputStream(outer.readAllBytes()), variables);
                }
            }
        }
        return variables;
    }

    private static void readMetadata(InputStream nestedJar, Set<String> variables) throws IOException {
        try (ZipInputStream inner = new ZipInputStream(nestedJar)) {
            for (ZipEntry entry; (entry = inner.getNextEntry()) != null; ) {
                if (entry.getName().equals("META-INF/spring-configuration-metadata.json")) {
                    JsonNode metadata = JSON.readTree(inner.readAllBytes());
                    metadata.path("properties").forEach(property -> variables.add(
                            property.path("name").asString().replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT)));
                }
            }
        }
    }
}
