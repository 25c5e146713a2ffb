package dev.kaimono.payment;

import static dev.kaimono.testsupport.BrokerProbe.about;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.kaimono.events.PaymentFailed;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.testsupport.BrokerProbe;

/** A provider that never answers: the charge fails after its retries, so the saga can compensate. */
@TestPropertySource(properties = {"kaimono.payment.simulator.failure-rate=1.0", "kaimono.payment.provider-retry.max-attempts=3"})
class ProviderOutageIT extends RunningPaymentService {

    @Test
    void aProviderThatStaysUnavailableFailsThePaymentAfterItsRetries() {
        UUID orderId = UUID.randomUUID();

        orderService.send(ProcessPayment.TYPE, orderId, SampleCommands.processPayment(orderId, "pm_card_visa"));

        BrokerProbe.Received<PaymentFailed> reply = events.awaitAtLeast(1, PaymentFailed.TYPE, about(orderId)).getFirst();
        assertThat(reply.payload()).isEqualTo(new PaymentFailed(orderId, "provider_unavailable"));
        assertThat(provider.chargesOf(new OrderId(orderId))).isEqualTo(3);
        assertThat(statusOfPayment(orderId)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT failure_reason FROM payment WHERE order_id = :orderId").param("orderId", orderId)
                .query(String.class).single()).isEqualTo("provider_unavailable");
    }
}
