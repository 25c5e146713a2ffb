package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.kaimono.testsupport.ReadmeAccessTable;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's API description, combined from the running services' own: it describes exactly the endpoints of
 * the README's table, each with the access its row gives, and every operation follows docs/api-conventions.md as
 * far as a description can show it: ids are UUIDs, a batch parameter is ids, errors are problem details, pages have
 * one shape, money is a decimal string, names are camelCase. Also what keeps the README, the description and the conventions together.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionE2EIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** Names a standard fixes: OAuth 2's token response. */
    private static final Set<String> STANDARD_NAMES = Set.of("access_token", "refresh_token", "token_type", "expires_in");
    /** Properties holding money (a price, a total, an amount): decimal strings. */
    private static final Pattern MONEY = Pattern.compile("(?i)(.*price|.*total|.*amount)");
    private static final Set<String> PAGE = Set.of("content", "page", "size", "totalElements", "totalPages");

    private JsonNode description;

    @BeforeAll
    void describe(RunningPlatform platform) {
        Gateway.Response answer = new Gateway(platform.gatewayUrl()).get("/api/docs/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        description = answer.body();
        assertThat(description.path("x-kaimono-missing").isMissingNode())
                .as("every service described its API: %s", description.path("x-kaimono-missing")).isTrue();
    }

    @Test
    void describesExactlyTheEndpointsOfTheReadmesTableWithTheAccessItsRowGives() {
        Map<String, String> readme = new TreeMap<>();
        for (String who : List.of("anyone", "shopper", "admin")) {
            ReadmeAccessTable.templates(who).endpoints().forEach(endpoint -> readme.put(endpoint.toString(), who));
        }
        Map<String, String> described = new TreeMap<>();
        operations((where, operation) -> described.put(where, operation.path("x-kaimono-access").asString()));

        assertThat(described).isEqualTo(readme);
    }

    @Test
    void followsTheApiConventionsInEveryOperation() {
        List<String> broken = new ArrayList<>();
        operations((where, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.path("name").asString();
                JsonNode schema = resolve(parameter.path("schema"));
                // A dead letter's messageId is the broker message's, chosen by whoever sent it: not a Kaimono id.
                boolean id = (name.equals("id") || name.endsWith("Id")) && !name.equals("messageId");
                if (id && !"uuid".equals(schema.path("format").asString(""))) {
                    broken.add(where + ": " + parameter.path("in").asString() + " parameter " + name + " is not a UUID");
                }
                if (name.endsWith("Ids") && !parameter.path("deprecated").asBoolean(false)) {
                    broken.add(where + ": a batch lookup's parameter is ids, not " + name);
                }
            }
            operation.path("responses").properties().forEach(response -> {
                JsonNode answer = resolve(response.getValue());
                if (response.getKey().matches("[45].*")
                        && !fieldNames(answer.path("content")).equals(List.of("application/problem+json"))) {
                    broken.add(where + ": answers " + response.getKey() + " as " + fieldNames(answer.path("content"))
                            + ", not as application/problem+json");
                }
            });
            if (where.startsWith("GET ")) {
                JsonNode answer = resolve(operation.at("/responses/200/content/application~1json/schema"));
                if (answer.path("properties").has("content") && !fieldNames(answer.path("properties")).containsAll(PAGE)) {
                    broken.add(where + ": a page has " + PAGE + ", not " + fieldNames(answer.path("properties")));
                }
            }
        });
        description.path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(property -> {
                    String where = schema.getKey() + "." + property.getKey();
                    if (!CAMEL_CASE.matcher(property.getKey()).matches() && !STANDARD_NAMES.contains(property.getKey())) {
                        broken.add(where + " is not camelCase");
                    }
                    JsonNode type = resolve(property.getValue()).path("type");
                    boolean string = type.asString("").equals("string") || type.isArray() && type.toString().contains("\"string\"");
                    if (MONEY.matcher(property.getKey()).matches() && !string) {
                        broken.add(where + " is money as " + resolve(property.getValue()) + ", not a decimal string");
                    }
                }));

        assertThat(broken).isEmpty();
    }

    @Test
    void refersOnlyToWhatItDefines() {
        List<String> dangling = new ArrayList<>();
        references(description, dangling);

        assertThat(dangling).isEmpty();
    }

    /**
     * No two services (nor the gateway) describe one schema name differently: Problem and FieldError, defined both
     * in service-runtime and in the gateway's own description, would otherwise be renamed Problem.&lt;service&gt;.
     */
    @Test
    void hasOneSchemaForEachName() {
        assertThat(fieldNames(description.path("components").path("schemas"))).noneMatch(name -> name.contains("."))
                .contains("Problem", "FieldError");
    }

    private void references(JsonNode node, List<String> dangling) {
        String ref = node.path("$ref").asString("");
        if (!ref.isEmpty() && (!ref.startsWith("#/") || description.at(ref.substring(1)).isMissingNode())) {
            dangling.add(ref);
        }
        node.values().forEach(child -> references(child, dangling));
    }

    /** Every operation but HEAD and OPTIONS, as {@code METHOD /path/{}} with each placeholder written {@code {}}. */
    private void operations(BiConsumer<String, JsonNode> each) {
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                String template = PLACEHOLDER.matcher(path.getKey()).replaceAll(Matcher.quoteReplacement(ReadmeAccessTable.PLACEHOLDER));
                each.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + template, operation.getValue());
            }
        }));
    }

    /** The schema or response a {@code $ref} names, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? description.at(ref.substring(1)) : node;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }
}
