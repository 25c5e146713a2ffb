package dev.kaimono.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.http.HttpMethod;

import dev.kaimono.gateway.routing.Downstream;
import dev.kaimono.gateway.security.Access;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's OpenAPI description, made of the services' own: the gateway's document (its title, its own routes
 * such as product details, the bearer scheme) with every path a service describes that the gateway routes — a
 * service's internal paths are left out. Each operation is tagged with its service and says who may call it
 * ({@code x-kaimono-access}: anyone, shopper or admin, from {@link Access}; {@code security: []} for anyone). A
 * schema name two services use for different shapes is kept for the first and renamed {@code <name>.<service>} for
 * the next, its references with it. Services that did not answer are named in {@code x-kaimono-missing}.
 */
final class CombinedDescription {

    static final String SCHEMA_REF = "#/components/schemas/";
    /** Names the services that did not describe their API this time. */
    static final String MISSING = "x-kaimono-missing";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private CombinedDescription() {
    }

    /**
     * @param gateway the gateway's own document, copied before it is added to
     * @param services each service's document, in the order of {@link Downstream}; a missing service is absent
     * @param routed whether the gateway routes a path (as written in a description) to a client
     */
    static ObjectNode of(ObjectNode gateway, Map<Downstream, JsonNode> services, Predicate<String> routed) {
        ObjectNode combined = gateway.deepCopy();
        ObjectNode paths = combined.withObjectProperty("paths");
        ObjectNode schemas = combined.withObjectProperty("components").withObjectProperty("schemas");
        paths.properties().forEach(path -> describeAccess(path.getKey(), (ObjectNode) path.getValue(), "gateway-service"));
        List<String> missing = new ArrayList<>();
        for (Downstream service : Downstream.values()) {
            JsonNode document = services.get(service);
            if (document == null) {
                missing.add(service.serviceId());
                continue;
            }
            add(service.serviceId(), document.deepCopy(), paths, schemas, routed);
        }
        if (!missing.isEmpty()) {
            ArrayNode names = combined.putArray(MISSING);
            missing.forEach(names::add);
        }
        return combined;
    }

    private static void add(String service, JsonNode document, ObjectNode paths, ObjectNode schemas, Predicate<String> routed) {
        Map<String, String> renamed = new HashMap<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode known = schemas.get(schema.getKey());
            if (known != null && !known.equals(schema.getValue())) {
                renamed.put(schema.getKey(), schema.getKey() + "." + service);
            }
        });
        if (!renamed.isEmpty()) {
            renameReferences(document, renamed);
        }
        document.path("components").path("schemas").properties().forEach(schema ->
                schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
        document.path("paths").properties().forEach(path -> {
            if (routed.test(path.getKey())) {
                ObjectNode operations = (ObjectNode) path.getValue();
                describeAccess(path.getKey(), operations, service);
                paths.withObjectProperty(path.getKey()).setAll(operations);
            }
        });
    }

    /** Tags each operation of a path with its service and says who may call it. */
    private static void describeAccess(String path, ObjectNode operations, String service) {
        operations.properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode operation)) {
                return;
            }
            Access access = Access.of(HttpMethod.valueOf(entry.getKey().toUpperCase(Locale.ROOT)), path);
            operation.putArray("tags").add(service);
            operation.put("x-kaimono-access", access.name().toLowerCase(Locale.ROOT));
            ArrayNode security = operation.putArray("security");
            if (access != Access.ANYONE) {
                security.addObject().putArray("bearer");
            }
        });
    }

    private static void renameReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
                String name = ref.asString().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renamed.get(name));
                }
            }
            object.values().forEach(child -> renameReferences(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> renameReferences(child, renamed));
        }
    }
}
