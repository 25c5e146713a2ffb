package dev.kaimono.events.wire;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.MessageTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 description of everything on the broker, generated from the contracts ({@link MessageTypes#ALL}):
 * one channel per message type (its routing key on {@code kaimono.events} or {@code kaimono.commands}), the
 * envelope every message travels in, and each payload's JSON schema, read off its record. The committed document
 * ({@value #RESOURCE}) is checked against this generator and the golden files by {@code AsyncApiTest}.
 */
public final class AsyncApi {

    /** Where the generated document is kept, in this module's resources and jar. */
    public static final String RESOURCE = "kaimono/asyncapi.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsyncApi() {
    }

    /** The document as committed: pretty-printed JSON ending in a newline. */
    public static String json() {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document()) + "\n";
    }

    public static ObjectNode document() {
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Kaimono events and commands");
        info.put("version", "1");
        info.put("description", "Every integration event and saga command of Kaimono on RabbitMQ. Events go to the topic "
                + "exchange " + Exchanges.EVENTS + ", commands to " + Exchanges.COMMANDS + ", the routing key being the "
                + "message type. Each message body is a JSON envelope around its data; AMQP message_id is the eventId, "
                + "type the eventType, and a W3C traceparent header carries the trace. Consumers ignore fields they do "
                + "not know; a breaking change is a new version of the message. Generated from the contracts in "
                + "shared-events (dev.kaimono.events.wire.AsyncApi).");
        ObjectNode server = document.putObject("servers").putObject("rabbitmq");
        server.put("host", "rabbitmq:5672");
        server.put("protocol", "amqp");
        server.put("protocolVersion", "0.9.1");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("EventEnvelope", envelope());
        for (MessageType<?> type : MessageTypes.ALL) {
            String key = type.name() + ".v" + type.version();
            ObjectNode channel = channels.putObject(type.name());
            channel.put("address", type.name());
            channel.putObject("messages").putObject(key).put("$ref", "#/components/messages/" + key);
            ObjectNode exchange = channel.putObject("bindings").putObject("amqp");
            exchange.put("is", "routingKey");
            ObjectNode exchangeSpec = exchange.putObject("exchange");
            exchangeSpec.put("name", type.kind() == MessageType.Kind.EVENT ? Exchanges.EVENTS : Exchanges.COMMANDS);
            exchangeSpec.put("type", "topic");
            exchangeSpec.put("durable", true);
            exchangeSpec.put("autoDelete", false);
            exchange.put("bindingVersion", "0.3.0");

            ObjectNode operation = operations.putObject("send-" + type.name());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + type.name());
            operation.put("summary", (type.kind() == MessageType.Kind.EVENT ? "Published by " : "Sent to ") + service(type));
            operation.putArray("messages").addObject().put("$ref", "#/channels/" + type.name() + "/messages/" + key);

            ObjectNode message = messages.putObject(key);
            message.put("name", type.name());
            message.put("title", type.payloadType().getSimpleName() + " v" + type.version());
            message.put("contentType", "application/json");
            ObjectNode payload = message.putObject("payload");
            payload.putArray("allOf").addObject().put("$ref", "#/components/schemas/EventEnvelope");
            ObjectNode data = ((ArrayNode) payload.get("allOf")).addObject();
            data.put("type", "object");
            ObjectNode dataProperties = data.putObject("properties");
            dataProperties.putObject("eventType").put("const", type.name());
            dataProperties.putObject("eventVersion").put("const", type.version());
            dataProperties.set("data", schema(type.payloadType(), schemas));
        }
        return document;
    }

    /** The service that publishes an event, or that a command is for: carts are order-service's. */
    private static String service(MessageType<?> type) {
        return (type.context().equals("cart") ? "order" : type.context()) + "-service";
    }

    /** The JSON schema a payload of this type has on the wire ({@link MessageCodec}'s mapping). */
    static JsonNode schema(Type type, ObjectNode schemas) {
        ObjectNode schema = NODES.objectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            schema.put("type", "array");
            schema.set("items", schema(list.getActualTypeArguments()[0], schemas));
        } else if (type == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (type == String.class) {
            schema.put("type", "string");
        } else if (type == int.class || type == Integer.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (type == long.class || type == Long.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else if (type == BigDecimal.class) {
            schema.put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                    .put("description", "A decimal number written as a string, never a floating-point number");
        } else if (type == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (type instanceof Class<?> record && record.isRecord()) {
            String name = record.getSimpleName();
            if (!schemas.has(name)) {
                ObjectNode object = schemas.putObject(name);
                object.put("type", "object");
                ObjectNode properties = object.putObject("properties");
                ArrayNode required = object.putArray("required");
                for (RecordComponent component : record.getRecordComponents()) {
                    properties.set(component.getName(), schema(component.getGenericType(), schemas));
                    required.add(component.getName());
                }
            }
            schema.put("$ref", "#/components/schemas/" + name);
        } else {
            throw new IllegalArgumentException("No JSON schema for " + type.getTypeName() + ": describe it in AsyncApi");
        }
        return schema;
    }

    private static ObjectNode envelope() {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("type", "object");
        envelope.put("description", "What travels on the broker: the message's identity and lineage around its data. "
                + "correlationId is shared by every message of one business flow; causationId is the eventId of the "
                + "message whose handling produced this one (absent for a message a person's request caused).");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("eventType").put("type", "string");
        properties.putObject("eventVersion").put("type", "integer").put("format", "int32");
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time");
        properties.putObject("source").put("type", "string");
        properties.putObject("aggregateId").put("type", "string");
        properties.putObject("correlationId").put("type", "string").put("format", "uuid");
        properties.putObject("causationId").putArray("type").add("string").add("null");
        ((ObjectNode) properties.get("causationId")).put("format", "uuid");
        properties.putObject("data").put("type", "object");
        ArrayNode required = envelope.putArray("required");
        List.of("eventId", "eventType", "eventVersion", "occurredAt", "source", "aggregateId", "correlationId", "data")
                .forEach(required::add);
        return envelope;
    }
}
