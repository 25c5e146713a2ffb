package dev.kaimono.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.MessageTypes;
import dev.kaimono.events.SampleMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed AsyncAPI document is what the generator makes of the contracts, and every golden file — and every
 * whole message as the codec puts it on the wire — fits the schema the document gives its type. (Regenerate the
 * document after a contract change with {@code -Dkaimono.asyncapi.write=true}.)
 */
class AsyncApiTest {

    private static final Path COMMITTED = Path.of("src/main/resources", AsyncApi.RESOURCE);
    private static final Path GOLDEN = Path.of("src/test/resources/contracts");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode DOCUMENT = AsyncApi.document();

    private final MessageCodec codec = new MessageCodec(List.of());

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        if (Boolean.getBoolean("kaimono.asyncapi.write")) {
            Files.writeString(COMMITTED, AsyncApi.json(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8)).isEqualTo(AsyncApi.json());
    }

    @Test
    void everyMessageTypeHasAChannelOnItsExchangeAndAMessage() {
        for (MessageType<?> type : MessageTypes.ALL) {
            JsonNode channel = DOCUMENT.path("channels").path(type.name());
            assertThat(channel.path("address").asString()).isEqualTo(type.name());
            assertThat(channel.path("bindings").path("amqp").path("exchange").path("name").asString())
                    .isEqualTo(type.kind() == MessageType.Kind.EVENT ? Exchanges.EVENTS : Exchanges.COMMANDS);
            assertThat(DOCUMENT.path("components").path("messages").has(type.name() + ".v" + type.version())).isTrue();
        }
        assertThat(DOCUMENT.path("channels").size()).isEqualTo(MessageTypes.ALL.size());
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileFitsItsSchema() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            JsonNode golden = JSON.readTree(Files.readString(GOLDEN.resolve(type.name() + ".v" + type.version() + ".json")));
            assertThat(misfits(golden, dataSchema(type), "data")).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyMessageOnTheWireFitsTheEnvelopeAndItsData() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), Instant.now(), "test",
                    "aggregate", UUID.randomUUID(), null, codec.toData(SampleMessages.ALL.get(type)));
            JsonNode body = JSON.readTree(codec.encode(envelope));
            List<String> problems = misfits(body, DOCUMENT.at("/components/schemas/EventEnvelope"), "");
            problems.addAll(misfits(body.get("data"), dataSchema(type), "data"));
            assertThat(problems).isEmpty();
        }));
    }

    @Test
    void aFieldTheSchemaDoesNotKnowOrAWrongTypeIsNoticed() {
        JsonNode schema = dataSchema(dev.kaimono.events.OrderShipped.TYPE);
        JsonNode renamed = JSON.readTree("{\"orderId\":\"0b6f3e2a-8c41-4d7a-b9e2-5f1a2c3d4e02\",\"shipment\":\"x\"}");
        JsonNode retyped = JSON.readTree("{\"orderId\":\"0b6f3e2a-8c41-4d7a-b9e2-5f1a2c3d4e02\",\"shipmentId\":42}");

        assertThat(misfits(renamed, schema, "data")).isNotEmpty();
        assertThat(misfits(retyped, schema, "data")).containsExactly("data.shipmentId: expected a string, got 42");
    }

    private static JsonNode dataSchema(MessageType<?> type) {
        JsonNode payload = DOCUMENT.path("components").path("messages").path(type.name() + ".v" + type.version()).path("payload");
        return payload.path("allOf").get(1).path("properties").path("data");
    }

    /** Where the value does not fit the schema (the subset of JSON Schema the generator writes). */
    private static List<String> misfits(JsonNode value, JsonNode schema, String path) {
        List<String> problems = new ArrayList<>();
        if (schema.has("$ref")) {
            return misfits(value, DOCUMENT.at(schema.get("$ref").asString().substring(1)), path);
        }
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.get("type").forEach(type -> types.add(type.asString()));
        } else {
            types.add(schema.path("type").asString());
        }
        if (value.isNull()) {
            if (!types.contains("null")) {
                problems.add(path + ": null where " + types + " is expected");
            }
            return problems;
        }
        if (types.contains("object")) {
            if (!value.isObject()) {
                problems.add(path + ": expected an object, got " + value);
                return problems;
            }
            JsonNode properties = schema.path("properties");
            Set<String> allowed = new TreeSet<>(properties.propertyNames());
            if (!allowed.isEmpty()) {
                Set<String> present = new TreeSet<>(value.propertyNames());
                for (String name : present) {
                    if (!allowed.contains(name)) {
                        problems.add(path + "." + name + ": not in the schema");
                    }
                }
                schema.path("required").forEach(name -> {
                    if (!value.has(name.asString())) {
                        problems.add(path + "." + name.asString() + ": required and missing");
                    }
                });
                for (String name : present) {
                    if (allowed.contains(name)) {
                        problems.addAll(misfits(value.get(name), properties.get(name), path + "." + name));
                    }
                }
            }
        } else if (types.contains("array")) {
            if (!value.isArray()) {
                problems.add(path + ": expected an array, got " + value);
                return problems;
            }
            for (int i = 0; i < value.size(); i++) {
                problems.addAll(misfits(value.get(i), schema.get("items"), path + "[" + i + "]"));
            }
        } else if (types.contains("string")) {
            if (!value.isString()) {
                problems.add(path + ": expected a string, got " + value);
                return problems;
            }
            String text = value.asString();
            String format = schema.path("format").asString("");
            try {
                switch (format) {
                    case "uuid" -> UUID.fromString(text);
                    case "date-time" -> Instant.parse(text);
                    default -> { }
                }
            } catch (RuntimeException unreadable) {
                problems.add(path + ": not a " + format + ": " + text);
            }
            if (schema.has("pattern") && !text.matches(schema.get("pattern").asString())) {
                problems.add(path + ": does not match " + schema.get("pattern").asString() + ": " + text);
            }
        } else if (types.contains("integer")) {
            if (!value.isIntegralNumber()) {
                problems.add(path + ": expected an integer, got " + value);
            }
        } else if (types.contains("boolean")) {
            if (!value.isBoolean()) {
                problems.add(path + ": expected a boolean, got " + value);
            }
        } else {
            problems.add(path + ": the schema has no type this check knows: " + schema);
        }
        return problems;
    }
}
