package dev.kaimono.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The alert rules in the repository: the alerts issue 6 asks for exist, each says how urgent it is and
 * links a runbook that exists and is listed in the runbooks' index. (That every metric they read is
 * exported is checked against the running services in ObservabilityE2EIT.)
 */
class AlertRulesTest {

    private static final Path ROOT = RepositoryFiles.root();
    private final List<Map<String, Object>> alerts = MetricReferences.alerts(ROOT.resolve("deploy/prometheus/rules"));

    /**
     * Prometheus's own checker accepts the scrape configuration and the rules, and the rules' unit tests
     * ({@code deploy/prometheus/tests}) pass: the burn-rate alerts fire at the burn rates they are meant for,
     * and the operational alerts fire, and stay quiet, where they should.
     */
    @Test
    void prometheusAcceptsTheConfigurationAndTheRulesAndTheRulesUnitTestsPass() throws Exception {
        String promtool = promtool();
        assumeThat(promtool).as("promtool (Debian package prometheus; .ci/run fetches it, or set PROMTOOL)").isNotNull();
        promtool(promtool, "check", "config", "deploy/prometheus/prometheus.yml");
        for (Path rules : RepositoryFiles.files(ROOT.resolve("deploy/prometheus/rules"), ".yml")) {
            promtool(promtool, "check", "rules", ROOT.relativize(rules).toString());
        }
        for (Path tests : RepositoryFiles.files(ROOT.resolve("deploy/prometheus/tests"), ".yml")) {
            promtool(promtool, "test", "rules", ROOT.relativize(tests).toString());
        }
    }

    @Test
    void theAlertsOperatorsNeedAreThere() {
        assertThat(alerts).extracting(alert -> (String) alert.get("alert"))
                .doesNotHaveDuplicates()
                .contains("GatewayAvailabilityFastBurn", "GatewayAvailabilitySlowBurn", "GatewayLatencyFastBurn",
                        "GatewayLatencySlowBurn", "StuckSaga", "OutboxLag", "DeadLettersPresent", "ServiceDown");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityASummaryAndARunbookThatExists() throws IOException {
        String index = Files.readString(ROOT.resolve("docs/runbooks/README.md"));
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            assertThat(labels).as(name).containsKey("severity");
            assertThat(labels.get("severity")).as(name).isIn("page", "ticket");
            assertThat(annotations).as(name).containsKeys("summary", "description", "runbook_url");
            String runbookUrl = annotations.get("runbook_url");
            assertThat(runbookUrl).as(name).contains("/docs/runbooks/").endsWith(".md");
            String runbook = runbookUrl.substring(runbookUrl.indexOf("docs/runbooks/"));
            assertThat(ROOT.resolve(runbook)).as("%s's runbook", name).isRegularFile();
            assertThat(Files.readString(ROOT.resolve(runbook))).as("%s's runbook names the alert", name).contains(name);
            assertThat(index).as("the runbooks' index links %s", runbook)
                    .contains("(" + runbook.substring("docs/runbooks/".length()) + ")");
        }
    }

    private static String promtool() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        // On the PATH, or where .ci/run unpacks Debian's prometheus package.
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                        Stream.of("/var/cache/kaimono-ci/prometheus/usr/bin"))
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
    }

    private static void promtool(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
    }
}
