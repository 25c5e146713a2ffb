package dev.kaimono.e2e.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of the Compose specification this repository uses, as a typed model: reading
 * {@code docker-compose.yml} into it fails on any key it does not know (a typo such as {@code depends-on}
 * or {@code healthckeck} that Compose would reject or ignore). Top-level {@code x-} extension fields
 * hold anchors and are dropped once the YAML merge keys are resolved.
 */
public record ComposeFile(String name, Map<String, Service> services, Map<String, Object> volumes,
        Map<String, Object> networks) {

    public record Service(String image, Build build, List<String> command, List<String> entrypoint,
            Map<String, String> environment, Healthcheck healthcheck,
            @JsonProperty("depends_on") Map<String, Dependency> dependsOn, List<String> ports, List<String> volumes,
            List<String> profiles, String restart, @JsonProperty("stop_grace_period") String stopGracePeriod,
            Deploy deploy, Logging logging, String hostname, String user) {
    }

    public record Build(String context, String dockerfile, Map<String, String> args) {
    }

    public record Healthcheck(List<String> test, String interval, String timeout, Integer retries,
            @JsonProperty("start_period") String startPeriod) {
    }

    public record Dependency(String condition, Boolean restart, Boolean required) {
    }

    public record Deploy(Resources resources) {
    }

    public record Resources(Map<String, String> limits, Map<String, String> reservations) {
    }

    public record Logging(String driver, Map<String, String> options) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static ComposeFile read(Path file) {
        Map<String, Object> document = new LinkedHashMap<>(RepositoryFiles.yaml(file));
        document.keySet().removeIf(key -> key.startsWith("x-"));
        return MAPPER.convertValue(document, ComposeFile.class);
    }
}
