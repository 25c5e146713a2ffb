package dev.kaimono.e2e.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** The metric names the repository's dashboards and Prometheus rules read, and where each is read. */
public final class MetricReferences {

    /** One expression and the metric names it reads; {@code where} says which file, panel or rule. */
    public record Reference(String where, String expression, Set<String> names) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([A-Za-z_:][A-Za-z0-9_:]*)\\s*(\\{[^}]*})?\\s*,");

    private MetricReferences() {
    }

    /** Every panel target and template variable query of every dashboard in the directory. */
    public static List<Reference> ofDashboards(Path directory) {
        List<Reference> references = new ArrayList<>();
        for (Path file : RepositoryFiles.files(directory, ".json")) {
            collect(RepositoryFiles.json(file), file.getFileName().toString(), references);
        }
        return references;
    }

    /** Every expression of every alerting and recording rule in the directory. */
    public static List<Reference> ofRules(Path directory) {
        List<Reference> references = new ArrayList<>();
        forEachRule(directory, (file, rule) -> {
            String name = rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record");
            String expression = String.valueOf(rule.get("expr"));
            references.add(new Reference(file + " " + name, expression, PromQl.metricNames(expression)));
        });
        return references;
    }

    /** The series the recording rules define (they exist once Prometheus evaluates the rules). */
    public static Set<String> recordedNames(Path directory) {
        Set<String> names = new TreeSet<>();
        forEachRule(directory, (file, rule) -> {
            if (rule.get("record") instanceof String record) {
                names.add(record);
            }
        });
        return names;
    }

    /** The alerting rules, by file, as maps (alert, expr, for, labels, annotations). */
    public static List<Map<String, Object>> alerts(Path directory) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        forEachRule(directory, (file, rule) -> {
            if (rule.containsKey("alert")) {
                alerts.add(rule);
            }
        });
        return alerts;
    }

    @SuppressWarnings("unchecked")
    private static void forEachRule(Path directory, java.util.function.BiConsumer<String, Map<String, Object>> action) {
        for (Path file : RepositoryFiles.files(directory, ".yml")) {
            Map<String, Object> document = RepositoryFiles.yaml(file);
            for (Map<String, Object> group : (List<Map<String, Object>>) document.getOrDefault("groups", List.of())) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.getOrDefault("rules", List.of())) {
                    action.accept(file.getFileName().toString(), rule);
                }
            }
        }
    }

    private static void collect(JsonNode node, String where, List<Reference> references) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, where, references));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String here = node.has("title") && node.get("title").isString() ? where + " › " + node.get("title").asString() : where;
        if (node.has("expr") && node.get("expr").isString()) {
            String expression = node.get("expr").asString();
            references.add(new Reference(here, expression, PromQl.metricNames(expression)));
        }
        if (node.has("type") && "query".equals(node.get("type").asString("")) && node.has("query")) {
            JsonNode query = node.get("query");
            String expression = query.isObject() ? query.path("query").asString("") : query.asString("");
            references.add(new Reference(here + " (variable " + node.path("name").asString("") + ")", expression,
                    variableMetrics(expression)));
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!member.getKey().equals("expr")) {
                collect(member.getValue(), here, references);
            }
        }
    }

    private static Set<String> variableMetrics(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.find()) {
            return Set.of(labelValues.group(1));
        }
        if (query.startsWith("label_values(") || query.startsWith("label_names(") || query.isBlank()) {
            return Set.of();
        }
        return PromQl.metricNames(query.replaceFirst("^(query_result|metrics)\\(", "("));
    }
}
