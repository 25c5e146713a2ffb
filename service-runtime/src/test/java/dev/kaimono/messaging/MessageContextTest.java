package dev.kaimono.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.kaimono.events.wire.EventEnvelope;
import tools.jackson.databind.node.JsonNodeFactory;

class MessageContextTest {

    private final UUID eventId = UUID.randomUUID();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aMessageWrittenOutsideAnyFlowStartsItsOwnCorrelation() {
        assertThat(MessageContext.correlationIdFor(eventId)).isEqualTo(eventId);
    }

    @Test
    void aMessageWrittenDuringARequestTakesTheGatewaysCorrelationId() {
        UUID request = UUID.randomUUID();
        MDC.put(MessageContext.CORRELATION_ID_MDC_KEY, request.toString());

        assertThat(MessageContext.correlationIdFor(eventId)).isEqualTo(request);
    }

    @Test
    void aClientsCorrelationIdThatIsNoUuidIsOnlyLogged() {
        MDC.put(MessageContext.CORRELATION_ID_MDC_KEY, "support-ticket-42");

        assertThat(MessageContext.correlationIdFor(eventId)).isEqualTo(eventId);
    }

    @Test
    void aMessageWrittenWhileHandlingAnotherContinuesItsFlowAndLogsIt() {
        MDC.put(MessageContext.CORRELATION_ID_MDC_KEY, UUID.randomUUID().toString());
        String outer = MDC.get(MessageContext.CORRELATION_ID_MDC_KEY);
        EventEnvelope cause = new EventEnvelope(UUID.randomUUID(), "order.placed", 1, Instant.now(), "test", "a",
                UUID.randomUUID(), null, JsonNodeFactory.instance.objectNode());

        MessageContext.runWithin(cause, () -> {
            assertThat(MessageContext.correlationIdFor(eventId)).isEqualTo(cause.correlationId());
            assertThat(MDC.get(MessageContext.CORRELATION_ID_MDC_KEY)).isEqualTo(cause.correlationId().toString());
        });

        assertThat(MDC.get(MessageContext.CORRELATION_ID_MDC_KEY)).isEqualTo(outer);
        assertThat(MessageContext.current()).isEmpty();
    }
}
