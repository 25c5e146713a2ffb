package dev.kaimono.e2e.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the repository's deployment files: YAML as plain maps (anchors and merge keys resolved), JSON as trees. */
public final class RepositoryFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RepositoryFiles() {
    }

    /** The repository's root: the parent of the module the tests run in. */
    public static Path root() {
        Path module = Path.of("").toAbsolutePath();
        return Files.exists(module.resolve("mvnw")) ? module : module.getParent();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(Path file) {
        try {
            Object document = new Yaml(new SafeConstructor(loaderOptions())).load(Files.readString(file));
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SnakeYAML's defaults, but up to 200 aliases of collections instead of 50: the compose file merges its shared
     * environment blocks into every service (its own files only; the limit guards against alias bombs).
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return options;
    }

    /** Every document of a multi-document YAML text (e.g. rendered Kubernetes manifests). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> yamlDocuments(String text) {
        return Stream.of(new Yaml(new SafeConstructor(loaderOptions())).loadAll(text).iterator())
                .<Object>mapMulti((iterator, out) -> iterator.forEachRemaining(out))
                .filter(document -> document instanceof Map<?, ?>)
                .map(document -> (Map<String, Object>) document)
                .toList();
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
