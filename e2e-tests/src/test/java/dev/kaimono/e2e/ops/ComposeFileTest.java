package dev.kaimono.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code docker-compose.yml}, read into its typed model, and the files it mounts, cross-checked against
 * the services: every service built from the one Dockerfile, checked healthy on its own management port,
 * given only environment variables it reads, with URLs that name the right ports, started after what it
 * needs; only the gateway published; the observability stack behind the {@code full} profile; Prometheus
 * scraping every service where it listens; Grafana provisioned with the dashboards and datasources they use.
 */
class ComposeFileTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Set<String> OBSERVABILITY = Set.of("prometheus", "grafana", "jaeger", "loki", "alloy");
    private static final Set<String> STORES = Set.of("postgres", "mongodb", "rabbitmq", "redis");

    private final ComposeFile compose = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
    private final Map<String, ServiceConfiguration> services = ServiceConfiguration.SERVICES.stream()
            .collect(Collectors.toMap(name -> name, ServiceConfiguration::of));

    @Test
    void everyServiceIsBuiltFromTheOneDockerfileAndCheckedOnItsManagementPort() throws IOException {
        assertThat(compose.services().keySet()).containsAll(ServiceConfiguration.SERVICES).containsAll(STORES)
                .containsAll(OBSERVABILITY);
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG SERVICE", "FROM eclipse-temurin:25-jre", "-Djarmode=tools",
                "/usr/local/bin/kaimono-healthcheck");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("USER ")).toList())
                .as("the image runs as a non-root user").singleElement().isNotIn("USER root", "USER 0");

        for (ServiceConfiguration service : services.values()) {
            ComposeFile.Service container = compose.services().get(service.name());
            assertThat(container.build().context()).isEqualTo(".");
            assertThat(container.build().dockerfile()).isEqualTo("Dockerfile");
            assertThat(container.build().args()).containsExactly(Map.entry("SERVICE", service.name()));
            assertThat(ROOT.resolve(service.name() + "/pom.xml")).as("the module the image builds").isRegularFile();
            assertThat(container.image()).startsWith("kaimono/" + service.name() + ":");
            assertThat(container.healthcheck().test()).as("%s health check", service.name())
                    .containsExactly("CMD", "kaimono-healthcheck", Integer.toString(service.managementPort()),
                            ServiceConfiguration.READINESS);
            assertThat(container.deploy().resources().limits()).as("%s memory limit", service.name()).containsKey("memory");
        }
        assertThat(ROOT.resolve("deploy/docker/kaimono-healthcheck")).isExecutable();
    }

    @Test
    void noPasswordHasADefaultAndTheSigningKeyIsKeptInAVolume() {
        assertThat(compose.services().get("user-service").environment().get("KAIMONO_ADMIN_PASSWORD"))
                .as("compose refuses to start without an admin password").startsWith("${KAIMONO_ADMIN_PASSWORD:?");
        assertThat(compose.services().get("grafana").environment().get("GF_SECURITY_ADMIN_PASSWORD"))
                .as("compose refuses to start without a Grafana password").startsWith("${GRAFANA_ADMIN_PASSWORD:?");

        ComposeFile.Service users = compose.services().get("user-service");
        String keyDirectory = users.environment().get("KAIMONO_JWT_KEY_DIR");
        assertThat(keyDirectory).as("user-service keeps its signing key in a directory").isNotBlank();
        assertThat(users.volumes()).as("a named volume holds the key directory").anySatisfy(volume -> {
            String[] parts = volume.split(":");
            assertThat(parts[1]).isEqualTo(keyDirectory);
            assertThat(compose.volumes()).containsKey(parts[0]);
        });
        assertThat(users.command()).as("no ephemeral key that dies with the container").isNullOrEmpty();
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReadsAndUrlsNameTheRightPorts() {
        for (ServiceConfiguration service : services.values()) {
            Map<String, String> environment = compose.services().get(service.name()).environment();
            assertThat(environment.keySet()).as("%s: environment variables it does not read", service.name())
                    .allMatch(service::reads);
            for (ServiceConfiguration target : services.values()) {
                String variable = target.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
                if (environment.containsKey(variable)) {
                    assertThat(environment.get(variable)).as("%s %s", service.name(), variable).isEqualTo(target.url());
                }
                String grpc = "KAIMONO_GATEWAY_GRPC_" + target.name().replace("-service", "").toUpperCase();
                if (environment.containsKey(grpc)) {
                    assertThat(environment.get(grpc)).as("%s %s", service.name(), grpc).isEqualTo(target.grpcAddress(target.name()));
                }
            }
            String collector = environment.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
            assertThat(collector).as("%s exports traces to Jaeger", service.name()).isEqualTo("http://jaeger:4318/v1/traces");
        }
        assertThat(services.keySet().stream().filter(name -> !name.equals("user-service") && !name.equals("gateway-service")))
                .allSatisfy(name -> assertThat(compose.services().get(name).environment()).containsKey("USER_SERVICE_URL"));
        assertThat(compose.services().get("gateway-service").environment())
                .containsKeys("USER_SERVICE_URL", "CATALOG_SERVICE_URL", "ORDER_SERVICE_URL", "INVENTORY_SERVICE_URL",
                        "PAYMENT_SERVICE_URL", "SHIPPING_SERVICE_URL", "REDIS_HOST", "KAIMONO_GATEWAY_GRPC_INVENTORY");
        assertThat(compose.services().get("catalog-service").environment()).containsKey("MONGODB_URI");
    }

    @Test
    void eachPostgresServiceHasItsOwnDatabaseAndRoleCreatedAtFirstStart() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/postgres/init/01-databases.sql"));
        Set<String> databases = new TreeSet<>();
        for (ServiceConfiguration service : services.values()) {
            Map<String, String> environment = compose.services().get(service.name()).environment();
            if (!service.placeholders().contains("POSTGRES_DB") || environment.get("POSTGRES_DB") == null) {
                continue;
            }
            String database = environment.get("POSTGRES_DB");
            String role = environment.get("POSTGRES_USER");
            assertThat(databases.add(database)).as("%s shares database %s", service.name(), database).isTrue();
            assertThat(init).as("%s's database and role", service.name())
                    .containsPattern("CREATE ROLE\\s+" + role + "\\s+LOGIN PASSWORD '" + environment.get("POSTGRES_PASSWORD") + "'")
                    .containsPattern("CREATE DATABASE\\s+" + database + "\\s+OWNER\\s+" + role + ";");
        }
        assertThat(databases).hasSize(5);
        assertThat(compose.services().get("postgres").volumes()).contains("./deploy/postgres/init:/docker-entrypoint-initdb.d:ro");
    }

    @Test
    void onlyTheGatewayIsPublishedAndEverythingStartsAfterWhatItNeedsIsHealthy() {
        for (ServiceConfiguration service : services.values()) {
            List<String> ports = compose.services().get(service.name()).ports();
            if (service.name().equals("gateway-service")) {
                assertThat(ports).containsExactly(service.httpPort() + ":" + service.httpPort());
            } else {
                assertThat(ports).as("%s publishes nothing", service.name()).isNullOrEmpty();
            }
        }
        compose.services().forEach((name, service) -> {
            if (service.dependsOn() == null) {
                return;
            }
            service.dependsOn().forEach((dependency, how) -> {
                assertThat(compose.services()).as("%s depends on %s", name, dependency).containsKey(dependency);
                if (!OBSERVABILITY.contains(name)) {
                    assertThat(how.condition()).as("%s waits for %s", name, dependency).isEqualTo("service_healthy");
                    assertThat(compose.services().get(dependency).healthcheck()).as("%s has a health check", dependency)
                            .isNotNull();
                }
            });
        });
        assertThat(compose.services().get("gateway-service").dependsOn().keySet())
                .containsAll(ServiceConfiguration.SERVICES.stream().filter(name -> !name.equals("gateway-service")).toList());
    }

    @Test
    void theObservabilityStackIsTheFullProfileWhichLiteLeavesOut() throws IOException {
        compose.services().forEach((name, service) -> {
            if (OBSERVABILITY.contains(name)) {
                assertThat(service.profiles()).as(name).containsExactly("full");
            } else {
                assertThat(service.profiles()).as("%s runs in every profile", name).isNullOrEmpty();
            }
        });
        assertThat(Files.readAllLines(ROOT.resolve(".env"))).contains("COMPOSE_PROFILES=full", "KAIMONO_TRACING_EXPORT=true");
        assertThat(Files.readAllLines(ROOT.resolve("lite.env"))).contains("KAIMONO_TRACING_EXPORT=false")
                .noneMatch(line -> line.startsWith("COMPOSE_PROFILES=") && line.contains("full"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceWhereItListensAndLoadsTheRules() {
        Map<String, Object> prometheus = RepositoryFiles.yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .filter(scrape -> "kaimono".equals(scrape.get("job_name"))).findFirst().orElseThrow();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = ((List<Map<String, List<String>>>) job.get("static_configs")).stream()
                .flatMap(config -> config.get("targets").stream()).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(services.values().stream()
                .map(service -> service.name() + ":" + service.managementPort()).toList());

        List<String> volumes = compose.services().get("prometheus").volumes();
        assertThat(volumes).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");
        assertThat(RepositoryFiles.files(ROOT.resolve("deploy/prometheus/rules"), ".yml")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithTheDashboardsAndTheDatasourcesTheyUse() {
        Map<String, Object> provider = ((List<Map<String, Object>>) RepositoryFiles.yaml(
                ROOT.resolve("deploy/grafana/provisioning/dashboards/dashboards.yml")).get("providers")).getFirst();
        String path = (String) ((Map<String, Object>) provider.get("options")).get("path");
        assertThat(compose.services().get("grafana").volumes())
                .contains("./deploy/grafana/dashboards:" + path + ":ro", "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");

        Set<String> datasources = ((List<Map<String, Object>>) RepositoryFiles.yaml(
                ROOT.resolve("deploy/grafana/provisioning/datasources/datasources.yml")).get("datasources")).stream()
                .map(datasource -> (String) datasource.get("uid")).collect(Collectors.toSet());
        assertThat(datasources).contains("prometheus", "loki", "jaeger");

        List<Path> dashboards = RepositoryFiles.files(ROOT.resolve("deploy/grafana/dashboards"), ".json");
        assertThat(dashboards).extracting(file -> file.getFileName().toString())
                .contains("platform-overview.json", "orders-and-sagas.json", "messaging.json", "jvm.json");
        Set<String> uids = new TreeSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = RepositoryFiles.json(file);
            assertThat(uids.add(dashboard.path("uid").asString())).as("%s has a unique uid", file).isTrue();
            assertThat(dashboard.path("title").asString()).as("%s title", file).isNotBlank();
            assertThat(dashboard.findValues("datasource").stream()
                    .filter(JsonNode::isObject).map(datasource -> datasource.path("uid").asString())
                    .filter(uid -> !uid.startsWith("$") && !uid.startsWith("-- ")))
                    .as("%s: datasources that are not provisioned", file).allMatch(datasources::contains);
        }
    }
}
