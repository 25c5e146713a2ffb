package dev.kaimono.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * A RabbitMQ broker on which every test context gets a virtual host of its own, so queues and
 * messages of one context are invisible to another. Virtual hosts are made through the management
 * HTTP API when it answers, and with {@code rabbitmqctl} otherwise.
 */
public final class RabbitMqInfrastructure {

    private static final Pattern VHOST_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(kt_[^\"]+)\"");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private RabbitMqInfrastructure(String host, int port, String user, String password, int managementPort) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.managementPort = managementPort;
        deleteStaleVirtualHosts();
    }

    static RabbitMqInfrastructure local() {
        String host = Infrastructure.setting("RABBITMQ_HOST", "127.0.0.1");
        int port = Infrastructure.setting("RABBITMQ_PORT", 5672);
        Infrastructure.requireReachable("RabbitMQ", host, port, "rabbitmq-server -detached");
        return new RabbitMqInfrastructure(host, port, Infrastructure.setting("RABBITMQ_USER", "guest"),
                Infrastructure.setting("RABBITMQ_PASSWORD", "guest"), Infrastructure.setting("RABBITMQ_MANAGEMENT_PORT", 15672));
    }

    static RabbitMqInfrastructure inContainer() {
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management-alpine");
        container.start();
        return new RabbitMqInfrastructure(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                container.getAdminPassword(), container.getHttpPort());
    }

    /** Creates an empty virtual host and returns the Spring properties that point a context at it. */
    public Map<String, String> freshVirtualHostProperties() {
        return propertiesFor(createVirtualHost());
    }

    /** The Spring properties that point a context at the virtual host. */
    public Map<String, String> propertiesFor(String vhost) {
        return Map.of(
                "spring.rabbitmq.host", host,
                "spring.rabbitmq.port", Integer.toString(port),
                "spring.rabbitmq.username", user,
                "spring.rabbitmq.password", password,
                "spring.rabbitmq.virtual-host", vhost);
    }

    /** Creates an empty virtual host the configured user may use fully, and returns its name. */
    public String createVirtualHost() {
        String vhost = TestResourceNames.fresh();
        try {
            managementApi("PUT", "/api/vhosts/" + vhost, "{}");
            managementApi("PUT", "/api/permissions/" + vhost + "/" + encode(user),
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        } catch (ConnectException noManagementApi) {
            rabbitmqctl("add_vhost", vhost);
            rabbitmqctl("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
        }
        return vhost;
    }

    /** Deletes a virtual host made by {@link #createVirtualHost()} with everything in it. */
    public void deleteVirtualHost(String vhost) {
        try {
            managementApi("DELETE", "/api/vhosts/" + vhost, null);
        } catch (ConnectException noManagementApi) {
            rabbitmqctl("delete_vhost", vhost);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    private void deleteStaleVirtualHosts() {
        Instant now = Instant.now();
        List<String> names = new ArrayList<>();
        try {
            Matcher matcher = VHOST_NAME.matcher(managementApi("GET", "/api/vhosts", null));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            for (String name : names) {
                if (TestResourceNames.isStale(name, now)) {
                    managementApi("DELETE", "/api/vhosts/" + name, null);
                }
            }
        } catch (ConnectException noManagementApi) {
            for (String line : rabbitmqctl("list_vhosts", "--quiet", "--no-table-headers").split("\\R")) {
                if (TestResourceNames.isStale(line.strip(), now)) {
                    rabbitmqctl("delete_vhost", line.strip());
                }
            }
        }
    }

    private String managementApi(String method, String path, String json) throws ConnectException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://%s:%d%s".formatted(host, managementPort, path)))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = sendWithOneRetry(request.build());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("RabbitMQ management API %s %s answered %d: %s"
                        .formatted(method, path, response.statusCode(), response.body()));
            }
            return response.body();
        } catch (ConnectException e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException connectException) {
                throw connectException;
            }
            throw new IllegalStateException("RabbitMQ management API %s %s failed".formatted(method, path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the RabbitMQ management API", e);
        }
    }

    /** The management API on a loaded machine sometimes drops a connection; one retry covers that. */
    private HttpResponse<String> sendWithOneRetry(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String rabbitmqctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("%s failed: %s".formatted(String.join(" ", command), output));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Neither the RabbitMQ management API (enable it with "
                    + "'rabbitmq-plugins enable rabbitmq_management') nor rabbitmqctl is available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running rabbitmqctl", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
