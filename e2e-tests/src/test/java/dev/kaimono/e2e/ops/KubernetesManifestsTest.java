package dev.kaimono.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The {@code k8s/} overlays, rendered by {@code kubectl kustomize} as they would be applied, read into the
 * Kubernetes typed model and checked against the services' own configuration: every service deployed with
 * the ports it listens on, probes on its management port, resources and a non-root security context,
 * only environment variables it reads, secrets referenced but never committed; HPA and PDB for each; the
 * gateway the only thing reachable from outside; each database reachable only from its own service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    private static final Map<String, String> DATABASES = Map.of(
            "user-service", "user-service-postgres", "order-service", "order-service-postgres",
            "inventory-service", "inventory-service-postgres", "payment-service", "payment-service-postgres",
            "shipping-service", "shipping-service-postgres", "catalog-service", "catalog-service-mongodb");

    private final Map<String, ServiceConfiguration> services = ServiceConfiguration.SERVICES.stream()
            .collect(Collectors.toMap(name -> name, ServiceConfiguration::of));
    private Set<String> documentedSecrets;

    @BeforeAll
    void documentedSecrets() {
        documentedSecrets = RepositoryFiles.yamlDocuments(read(RepositoryFiles.root().resolve("k8s/base/secrets.example.yaml")))
                .stream().map(document -> (String) ((Map<?, ?>) document.get("metadata")).get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsDeployedAsItsConfigurationSays(String overlay) {
        List<HasMetadata> objects = render(overlay);
        Map<String, ConfigMap> configMaps = TypedManifests.ofKind(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(map -> map.getMetadata().getName(), map -> map));

        assertThat(TypedManifests.ofKind(objects, Secret.class)).as("Secrets with values in the repository").isEmpty();
        assertThat(TypedManifests.ofKind(objects, Namespace.class)).hasSize(1);
        assertThat(TypedManifests.ofKind(objects, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);

        for (Deployment deployment : TypedManifests.ofKind(objects, Deployment.class)) {
            ServiceConfiguration service = services.get(deployment.getMetadata().getName());
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers()).hasSize(1);
            Container container = pod.getContainers().getFirst();
            String where = overlay + " " + service.name();

            List<org.assertj.core.groups.Tuple> ports = new ArrayList<>(List.of(
                    org.assertj.core.groups.Tuple.tuple("http", service.httpPort()),
                    org.assertj.core.groups.Tuple.tuple("management", service.managementPort())));
            if (service.grpcPort() > 0) {
                ports.add(org.assertj.core.groups.Tuple.tuple("grpc", service.grpcPort()));
            }
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .as("%s container ports", where)
                    .containsExactlyInAnyOrderElementsOf(ports);
            assertProbe(container.getLivenessProbe(), ServiceConfiguration.LIVENESS, where + " liveness");
            assertProbe(container.getReadinessProbe(), ServiceConfiguration.READINESS, where + " readiness");
            assertThat(container.getImage()).as(where).startsWith("kaimono/" + service.name() + ":");
            assertThat(container.getResources().getRequests()).as("%s requests", where).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as("%s limits", where).containsKey("memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", where).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("%s runAsUser", where).isNotZero();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(where).isTrue();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as("%s scrape annotations", where)
                    .containsEntry("prometheus.io/port", Integer.toString(service.managementPort()))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");

            Set<String> variables = new TreeSet<>();
            container.getEnvFrom().forEach(source -> {
                ConfigMap map = configMaps.get(source.getConfigMapRef().getName());
                assertThat(map).as("%s ConfigMap %s", where, source.getConfigMapRef().getName()).isNotNull();
                variables.addAll(map.getData().keySet());
            });
            for (EnvVar variable : container.getEnv()) {
                variables.add(variable.getName());
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(documentedSecrets).as("%s: Secret of %s documented in secrets.example.yaml", where,
                            variable.getName()).contains(variable.getValueFrom().getSecretKeyRef().getName());
                }
            }
            assertThat(variables).as("%s environment variables the service does not read", where)
                    .allMatch(service::reads);
            assertUrlsPointAtTheRightPorts(configMaps.get(service.name() + "-config"), where);

            assertThat(service(objects, service.name()).getSpec().getPorts())
                    .as("%s Service ports", where)
                    .allSatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isIn("http", "management"))
                    .extracting(port -> port.getPort())
                    .containsExactlyInAnyOrder(service.httpPort(), service.managementPort());
            if (service.grpcPort() > 0) {
                // gRPC keeps one connection per client: a headless Service lets the gateway see every pod (ADR 0032).
                Service grpc = service(objects, service.name() + "-grpc");
                assertThat(grpc.getSpec().getClusterIP()).as("%s gRPC Service is headless", where).isEqualTo("None");
                assertThat(grpc.getSpec().getPorts()).as("%s gRPC Service ports", where)
                        .extracting(port -> port.getPort(), port -> port.getTargetPort().getStrVal())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(service.grpcPort(), "grpc"));
                assertThat(configMaps.get("gateway-service-config").getData())
                        .as("%s: where the gateway finds its gRPC API", where)
                        .containsEntry("KAIMONO_GATEWAY_GRPC_" + service.name().replace("-service", "").toUpperCase(),
                                service.grpcAddress(service.name() + "-grpc"));
            }
            HorizontalPodAutoscaler hpa = named(objects, HorizontalPodAutoscaler.class, service.name());
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service.name());
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            PodDisruptionBudget pdb = named(objects, PodDisruptionBudget.class, service.name());
            assertThat(selects(pdb.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .as("%s PDB selects its pods", where).isTrue();
        }

        Ingress ingress = TypedManifests.ofKind(objects, Ingress.class).getFirst();
        assertThat(ingress.getSpec().getRules()).flatExtracting(rule -> rule.getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway-service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromOutsideAndEachDatabaseOnlyFromItsService(String overlay) {
        List<NetworkPolicy> policies = TypedManifests.ofKind(render(overlay), NetworkPolicy.class);
        assertThat(policies.stream().filter(policy -> selects(policy.getSpec().getPodSelector(), Map.of())
                        && policy.getSpec().getPolicyTypes().contains("Ingress")
                        && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty()))
                .map(policy -> policy.getMetadata().getName()))
                .as("a default-deny policy for every pod of the namespace").isNotEmpty();

        for (String service : ServiceConfiguration.SERVICES) {
            Map<String, String> pod = Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "kaimono");
            for (NetworkPolicyIngressRule rule : rulesFor(policies, pod)) {
                boolean fromOtherNamespaces = rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        || peer.getIpBlock() != null) || rule.getFrom().isEmpty();
                Set<String> ports = rule.getPorts().stream().map(port -> port.getPort().getStrVal()).collect(Collectors.toSet());
                if (fromOtherNamespaces) {
                    Set<String> allowed = service.equals("gateway-service") ? Set.of("http", "management") : Set.of("management");
                    assertThat(ports).as("%s %s: ports open beyond the namespace (%s)", overlay, service, rule.getFrom())
                            .isNotEmpty().isSubsetOf(allowed);
                }
            }
        }

        DATABASES.forEach((service, database) -> {
            List<NetworkPolicyIngressRule> rules = rulesFor(policies, Map.of("app.kubernetes.io/name", database));
            assertThat(rules).as("%s %s has an allow rule", overlay, database).isNotEmpty();
            assertThat(rules).flatExtracting(NetworkPolicyIngressRule::getFrom)
                    .as("%s: who may reach %s", overlay, database)
                    .allSatisfy(peer -> {
                        assertThat(peer.getNamespaceSelector()).isNull();
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getPodSelector().getMatchLabels()).containsExactlyEntriesOf(
                                Map.of("app.kubernetes.io/name", service));
                    });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayBelievesForwardedAddressesFromTheIngressControllerOnly(String overlay) {
        List<HasMetadata> objects = render(overlay);
        ConfigMap gateway = TypedManifests.ofKind(objects, ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals("gateway-service-config")).findFirst().orElseThrow();
        String trusted = gateway.getData().get("KAIMONO_GATEWAY_TRUSTED_PROXIES");
        assertThat(trusted).as("%s trusted proxies", overlay).isNotBlank();
        for (String range : trusted.split(",")) {
            int prefix = range.contains("/") ? Integer.parseInt(range.substring(range.indexOf('/') + 1).strip()) : 32;
            assertThat(prefix).as("%s: %s is wider than one subnet of ingress controllers", overlay, range).isGreaterThanOrEqualTo(24);
        }

        List<NetworkPolicy> policies = TypedManifests.ofKind(objects, NetworkPolicy.class);
        List<NetworkPolicyIngressRule> http = rulesFor(policies, Map.of("app.kubernetes.io/name", "gateway-service",
                "app.kubernetes.io/part-of", "kaimono")).stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(port -> "http".equals(port.getPort().getStrVal())))
                .toList();
        assertThat(http).flatExtracting(NetworkPolicyIngressRule::getFrom).as("%s: who reaches the gateway", overlay)
                .isNotEmpty().allSatisfy(peer -> {
                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
                    assertThat(peer.getPodSelector()).as("only the controller's pods").isNotNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "controller");
                });
    }

    private static List<NetworkPolicyIngressRule> rulesFor(List<NetworkPolicy> policies, Map<String, String> podLabels) {
        return policies.stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels))
                .flatMap(policy -> Stream.ofNullable(policy.getSpec().getIngress()).flatMap(List::stream))
                .toList();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("selectors use matchLabels only").isNullOrEmpty();
        Map<String, String> required = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return required.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    private void assertUrlsPointAtTheRightPorts(ConfigMap config, String where) {
        assertThat(config).as("%s ConfigMap", where).isNotNull();
        services.values().forEach(target -> {
            String variable = target.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
            if (config.getData().containsKey(variable)) {
                assertThat(config.getData().get(variable)).as("%s %s", where, variable).isEqualTo(target.url());
            }
        });
    }

    private static void assertProbe(Probe probe, String path, String where) {
        assertThat(probe).as(where).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(where).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(where).isEqualTo("management");
    }

    private static Service service(List<HasMetadata> objects, String name) {
        return named(objects, Service.class, name);
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return TypedManifests.ofKind(objects, type).stream().filter(object -> object.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + name));
    }

    private static List<HasMetadata> render(String overlay) {
        Path directory = RepositoryFiles.root().resolve("k8s/overlays/" + overlay);
        List<String> command = List.of("kubectl", "kustomize", directory.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay, errors).isZero();
            return TypedManifests.read(RepositoryFiles.yamlDocuments(output));
        } catch (IOException e) {
            assumeThat(e).as("kubectl is needed to render the kustomize overlays (it bundles kustomize)").isNull();
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
