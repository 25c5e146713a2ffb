package dev.kaimono.load.books;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The depth (ready + unacknowledged messages) of every queue in the environment's virtual host: from the
 * RabbitMQ management API when it answers, otherwise from {@code rabbitmqctl list_queues} on this machine.
 */
final class BrokerQueues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BooksSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    BrokerQueues(BooksSettings settings) {
        this.settings = settings;
    }

    Map<String, Long> depths() {
        try {
            return fromManagementApi();
        } catch (ConnectException | HttpConnectTimeoutException noManagementApi) {
            return fromRabbitmqctl();
        } catch (IOException e) {
            throw new IllegalStateException("The RabbitMQ management API failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking RabbitMQ for its queues", e);
        }
    }

    private Map<String, Long> fromManagementApi() throws IOException, InterruptedException {
        URI uri = URI.create("http://%s:%d/api/queues/%s?columns=name,messages".formatted(settings.rabbitHost(),
                settings.rabbitManagementPort(), URLEncoder.encode(settings.virtualHost(), StandardCharsets.UTF_8)));
        String credentials = settings.rabbitUser() + ":" + settings.rabbitPassword();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("RabbitMQ management API GET %s answered %d: %s"
                    .formatted(uri, response.statusCode(), response.body()));
        }
        Map<String, Long> depths = new TreeMap<>();
        for (JsonNode queue : JSON.readTree(response.body())) {
            depths.put(queue.get("name").asString(), queue.path("messages").asLong(0));
        }
        return depths;
    }

    private Map<String, Long> fromRabbitmqctl() {
        List<String> command = List.of("rabbitmqctl", "list_queues", "-p", settings.virtualHost(), "name", "messages",
                "--quiet", "--no-table-headers");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("%s failed: %s".formatted(String.join(" ", command), output.strip()));
            }
            return parseListQueues(output);
        } catch (IOException e) {
            throw new IllegalStateException("Neither the RabbitMQ management API on %s:%d nor rabbitmqctl is available"
                    .formatted(settings.rabbitHost(), settings.rabbitManagementPort()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running rabbitmqctl", e);
        }
    }

    /** Lines of {@code name<TAB>messages}, as {@code rabbitmqctl list_queues name messages --quiet} prints them. */
    static Map<String, Long> parseListQueues(String output) {
        Map<String, Long> depths = new TreeMap<>();
        for (String line : output.split("\\R")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length == 2 && columns[1].matches("\\d+")) {
                depths.put(columns[0], Long.parseLong(columns[1]));
            }
        }
        return depths;
    }
}
