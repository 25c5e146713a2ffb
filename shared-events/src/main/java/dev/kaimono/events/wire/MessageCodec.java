package dev.kaimono.events.wire;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.kaimono.events.MessageType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes envelopes as JSON. Tolerant: unknown fields are ignored. Money amounts
 * ({@link BigDecimal}) are written as strings, instants as ISO-8601. Older versions of a message are
 * upcast to the version the consumer's contract has before they are bound to it.
 */
public final class MessageCodec {

    private final JsonMapper json;
    private final List<Upcaster> upcasters;

    public MessageCodec(List<Upcaster> upcasters) {
        this.json = JsonMapper.builder()
                .withConfigOverride(BigDecimal.class, override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        this.upcasters = upcasters.stream().sorted(Comparator.comparingInt(Upcaster::fromVersion)).toList();
    }

    public byte[] encode(EventEnvelope envelope) {
        return json.writeValueAsBytes(envelope);
    }

    public EventEnvelope decode(byte[] body) {
        try {
            return json.readValue(body, EventEnvelope.class);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("Not a Kaimono envelope: " + e.getMessage(), e);
        }
    }

    public JsonNode toData(Object payload) {
        return json.valueToTree(payload);
    }

    /** The envelope's data as the consumer's contract, upcast from older versions first. */
    public <T> T payload(EventEnvelope envelope, MessageType<T> type) {
        if (!envelope.eventType().equals(type.name())) {
            throw new MalformedMessageException("Expected %s, got %s".formatted(type.name(), envelope.eventType()));
        }
        if (envelope.eventVersion() > type.version()) {
            throw new MalformedMessageException("%s version %d is newer than this consumer's version %d"
                    .formatted(type.name(), envelope.eventVersion(), type.version()));
        }
        JsonNode data = envelope.data();
        for (int version = envelope.eventVersion(); version < type.version(); version++) {
            int from = version;
            Upcaster step = upcasters.stream()
                    .filter(upcaster -> upcaster.eventType().equals(type.name()) && upcaster.fromVersion() == from)
                    .findFirst()
                    .orElseThrow(() -> new MalformedMessageException("No upcaster for %s version %d".formatted(type.name(), from)));
            data = step.upcast(((ObjectNode) data).deepCopy());
        }
        try {
            return json.treeToValue(data, type.payloadType());
        } catch (RuntimeException e) {
            throw new MalformedMessageException("Cannot read %s: %s".formatted(type.name(), e.getMessage()), e);
        }
    }
}
