package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.kaimono.e2e.OtlpTraceReceiver.ReceivedSpan;
import dev.kaimono.e2e.ops.MetricReferences;
import dev.kaimono.e2e.ops.MetricReferences.Reference;
import dev.kaimono.e2e.ops.RepositoryFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observability as the operators get it, checked against the running jars: one order is one trace across
 * the gateway, order, inventory and payment services (RabbitMQ hops included); its log lines are JSON
 * naming the service, trace, span and the correlation id the shopper was given; and every metric a
 * Grafana dashboard or a Prometheus rule reads is really exported by the services or the broker.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityE2EIT {

    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final Map<String, Object> ADDRESS = Map.of("name", "Ann Lee", "line1", "1-2-3 Jingumae",
            "city", "Tokyo", "postalCode", "150-0001", "country", "JP");
    private static final List<String> SERVICES = List.of("gateway-service", "user-service", "catalog-service",
            "order-service", "inventory-service", "payment-service", "shipping-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningPlatform platform;
    private Gateway gateway;
    private String traceId;
    private String clientSpanId;
    private String correlationId;

    @BeforeAll
    void placeOneOrderWithAKnownTraceContext(RunningPlatform platform) {
        this.platform = platform;
        this.gateway = new Gateway(platform.gatewayUrl());
        String admin = Actors.adminToken(gateway);
        Actors.Shopper shopper = Actors.newShopper(gateway, "Tomo");
        String product = Actors.stockedProduct(gateway, admin, "Hōjicha " + UUID.randomUUID(), "1200", 10);

        HexFormat hex = HexFormat.of();
        traceId = hex.formatHex(randomBytes(16));
        clientSpanId = hex.formatHex(randomBytes(8));
        Gateway.Response placed = gateway.post("/api/orders", Map.of(
                        "lines", List.of(Map.of("productId", product, "quantity", 1)),
                        "shippingAddress", ADDRESS, "paymentMethod", "pm_card_visa"),
                shopper.token(), Map.of("traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        correlationId = placed.header("X-Correlation-Id").orElseThrow();
        String orderId = placed.body().get("id").asString();
        await().atMost(SETTLING).untilAsserted(() -> assertThat(
                gateway.get("/api/orders/" + orderId, shopper.token()).body().path("status").asString()).isEqualTo("CONFIRMED"));
    }

    @Test
    @Order(1)
    void oneOrderIsOneTraceFromTheGatewayThroughRabbitMqToInventoryAndPayment() {
        await().atMost(SETTLING).untilAsserted(() -> assertThat(services(platform.traces().trace(traceId)))
                .containsAll(Set.of("gateway-service", "order-service", "inventory-service", "payment-service")));

        List<ReceivedSpan> spans = platform.traces().trace(traceId);
        assertThat(spans.stream().filter(span -> span.parentSpanId().equals(clientSpanId)))
                .as("the spans continuing the shopper's traceparent").isNotEmpty()
                .allSatisfy(span -> assertThat(span.service()).isEqualTo("gateway-service"));
        await().atMost(SETTLING).untilAsserted(() -> assertThat(platform.traces().trace(traceId))
                .as("every span hangs off another span of the trace (no broken hop)")
                .allSatisfy(span -> assertThat(span.parentSpanId())
                        .isIn(union(spanIds(platform.traces().trace(traceId)), clientSpanId))));
    }

    @Test
    @Order(2)
    void logLinesAreJsonWithServiceTraceSpanAndTheShoppersCorrelationId() throws IOException {
        List<JsonNode> lines = jsonLines(platform.logOf("order-service"));
        List<JsonNode> ofThisOrder = lines.stream()
                .filter(line -> correlationId.equals(line.path("correlationId").asString(""))).toList();

        assertThat(ofThisOrder).as("order-service log lines with correlation id %s", correlationId)
                .isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("service").path("name").asString()).isEqualTo("order-service");
                    assertThat(line.path("traceId").asString()).isEqualTo(traceId);
                    assertThat(line.path("spanId").asString()).hasSize(16);
                });
        assertThat(ofThisOrder.stream().map(line -> line.path("process").path("thread").path("name").asString()))
                .as("lines from the HTTP request and from handling the replies that came over RabbitMQ")
                .anyMatch(thread -> thread.startsWith("tomcat"))
                .anyMatch(thread -> thread.startsWith("order-service.events"));
    }

    @Test
    @Order(3)
    void everyMetricADashboardOrAlertRuleReadsIsExported() {
        Path deploy = RepositoryFiles.root().resolve("deploy");
        List<Reference> references = new ArrayList<>(MetricReferences.ofDashboards(deploy.resolve("grafana/dashboards")));
        references.addAll(MetricReferences.ofRules(deploy.resolve("prometheus/rules")));
        assertThat(references).as("dashboard targets and rules").hasSizeGreaterThan(20);

        // Some series appear with their first event (a shipment arranged just after the order confirmed).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>(exportedByPrometheusTargets(deploy.resolve("prometheus/prometheus.yml")));
            exported.add("up");
            exported.addAll(MetricReferences.recordedNames(deploy.resolve("prometheus/rules")));
            Map<String, Set<String>> missing = new LinkedHashMap<>();
            for (Reference reference : references) {
                Set<String> unknown = new TreeSet<>(reference.names());
                unknown.removeAll(exported);
                if (!unknown.isEmpty()) {
                    missing.put(reference.where() + ": " + reference.expression(), unknown);
                }
            }
            assertThat(missing).as("metrics read by dashboards or rules that nothing exports").isEmpty();
        });
    }

    /**
     * The metric names of every target Prometheus scrapes in docker-compose, read from this platform:
     * a Kaimono service's target is its management port here, the broker's is the local RabbitMQ's
     * Prometheus plugin, with the job's path and parameters as configured.
     */
    @SuppressWarnings("unchecked")
    private Set<String> exportedByPrometheusTargets(Path prometheusYml) {
        Set<String> names = new TreeSet<>();
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) RepositoryFiles.yaml(prometheusYml).get("scrape_configs");
        for (Map<String, Object> job : jobs) {
            String path = (String) job.getOrDefault("metrics_path", "/metrics");
            String query = ((Map<String, List<String>>) job.getOrDefault("params", Map.of())).entrySet().stream()
                    .flatMap(param -> param.getValue().stream().map(value -> param.getKey() + "=" + value))
                    .collect(Collectors.joining("&"));
            for (Map<String, Object> staticConfig : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
                for (String target : (List<String>) staticConfig.get("targets")) {
                    String host = target.substring(0, target.indexOf(':'));
                    int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                    if (SERVICES.contains(host)) {
                        assertThat(port).as("the scrape port of %s", host)
                                .isEqualTo(platform.managementPort(host) - RunningPlatform.PORT_OFFSET);
                        names.addAll(metricNames(scrape(platform.managementPort(host), path, query)));
                    } else if (host.equals("rabbitmq")) {
                        String exposition = scrape(port, path, query);
                        assertThat(exposition).as("RabbitMQ's Prometheus plugin on 127.0.0.1:%d%s (rabbitmq-plugins enable "
                                + "rabbitmq_prometheus)", port, path).isNotBlank();
                        names.addAll(metricNames(exposition));
                    }
                }
            }
        }
        return names;
    }

    private String scrape(int port, String path, String query) {
        URI uri = URI.create("http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Nothing answers " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> metricNames(String exposition) {
        return exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static Set<String> services(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    private static Set<String> spanIds(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> ids, String extra) {
        Set<String> all = new TreeSet<>(ids);
        all.add(extra);
        return all;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
