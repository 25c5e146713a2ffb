package dev.kaimono.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.Money;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.SampleMessages;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec(List.of());

    @Test
    void envelopeRoundTripsWithMoneyAsAString() {
        PaymentCompleted completed = new PaymentCompleted(SampleMessages.ORDER, SampleMessages.PAYMENT,
                new Money(new BigDecimal("1999.50"), "EUR"));
        EventEnvelope envelope = envelope(PaymentCompleted.TYPE.name(), 1, codec.toData(completed));

        byte[] wire = codec.encode(envelope);
        EventEnvelope read = codec.decode(wire);

        assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"amount\":\"1999.50\"")
                .contains("\"occurredAt\":\"2026-11-26T09:30:00Z\"");
        assertThat(read).isEqualTo(envelope);
        assertThat(codec.payload(read, PaymentCompleted.TYPE)).isEqualTo(completed);
    }

    @Test
    void unknownFieldsInTheEnvelopeAndTheDataAreIgnored() {
        String json = """
                {"eventId":"%s","eventType":"payment.completed","eventVersion":1,"occurredAt":"2026-11-26T09:30:00Z",
                 "source":"payment-service","aggregateId":"a","correlationId":"%s","causationId":null,"priority":"high",
                 "data":{"orderId":"%s","paymentId":"%s","amount":{"amount":"10","currency":"JPY"},"provider":"sim"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), SampleMessages.ORDER, SampleMessages.PAYMENT);

        PaymentCompleted read = codec.payload(codec.decode(json.getBytes(StandardCharsets.UTF_8)), PaymentCompleted.TYPE);

        assertThat(read.amount()).isEqualTo(new Money(new BigDecimal("10"), "JPY"));
    }

    @Test
    void olderVersionsAreUpcastStepByStep() {
        MessageType<Renamed> v3 = new MessageType<>("test.thing-renamed", 3, Renamed.class, MessageType.Kind.EVENT);
        MessageCodec upcasting = new MessageCodec(List.of(
                upcaster("test.thing-renamed", 2, data -> data.put("label", data.get("title").asString()).without("title")),
                upcaster("test.thing-renamed", 1, data -> data.put("title", data.get("name").asString()).without("name"))));
        ObjectNode v1Data = (ObjectNode) codec.toData(java.util.Map.of("name", "tea"));

        Renamed read = upcasting.payload(envelope("test.thing-renamed", 1, v1Data), v3);

        assertThat(read).isEqualTo(new Renamed("tea"));
    }

    @Test
    void aVersionOneDeliveryFromTheGoldenFileReadsAsVersionTwoWithNobodyKnown() throws IOException {
        ObjectNode v1Data = (ObjectNode) JsonMapper.builder().build().readTree(
                Files.readString(Path.of("src/test/resources/contracts/order.delivered.v1.json")));

        OrderDelivered read = new MessageCodec(List.of(new OrderDeliveredFromV1()))
                .payload(envelope(OrderDelivered.TYPE.name(), 1, v1Data), OrderDelivered.TYPE);

        assertThat(read).isEqualTo(new OrderDelivered(SampleMessages.ORDER, SampleMessages.SHIPMENT, null, List.of()));
    }

    @Test
    void aNewerVersionThanTheConsumerKnowsIsMalformed() {
        EventEnvelope fromTheFuture = envelope(PaymentCompleted.TYPE.name(), 2,
                codec.toData(SampleMessages.ALL.get(PaymentCompleted.TYPE)));

        assertThatThrownBy(() -> codec.payload(fromTheFuture, PaymentCompleted.TYPE))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("payment.completed version 2 is newer than this consumer's version 1");
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class);
    }

    record Renamed(String label) {
    }

    private static Upcaster upcaster(String type, int from, java.util.function.UnaryOperator<ObjectNode> step) {
        return new Upcaster() {
            @Override
            public String eventType() {
                return type;
            }

            @Override
            public int fromVersion() {
                return from;
            }

            @Override
            public ObjectNode upcast(ObjectNode data) {
                return step.apply(data);
            }
        };
    }

    private static EventEnvelope envelope(String type, int version, tools.jackson.databind.JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, version, Instant.parse("2026-11-26T09:30:00Z"), "test",
                "aggregate-1", UUID.randomUUID(), null, data);
    }
}
