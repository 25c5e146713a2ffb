package dev.kaimono.payment;

import static dev.kaimono.testsupport.BrokerProbe.about;
import static dev.kaimono.payment.SampleCommands.confirmedOrderCancelled;
import static dev.kaimono.payment.SampleCommands.pendingOrderCancelled;
import static dev.kaimono.payment.SampleCommands.processPayment;
import static dev.kaimono.payment.SampleCommands.refundPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.PaymentFailed;
import dev.kaimono.events.PaymentRefunded;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.messaging.DeadLetters;
import dev.kaimono.payment.application.ChargeOrder;
import dev.kaimono.payment.application.PaymentCharging;
import dev.kaimono.payment.application.PaymentProvider;
import dev.kaimono.payment.application.Payments;
import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;
import dev.kaimono.payment.domain.PaymentId;
import dev.kaimono.testsupport.BrokerProbe;
import io.micrometer.core.instrument.MeterRegistry;

/** Payments driven over RabbitMQ as the place-order saga drives them, against real PostgreSQL and RabbitMQ. */
class PaymentMessagingIT extends RunningPaymentService {

    private static final String COMMANDS = "payment-service.commands";
    private static final String EVENTS = "payment-service.events";
    private static final dev.kaimono.payment.domain.Money TOTAL = dev.kaimono.payment.domain.Money.of("2560", "JPY");

    @Autowired
    PaymentCharging charging;

    @Autowired
    Payments payments;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.amqp.rabbit.core.RabbitTemplate rabbit;

    @Test
    void chargesAVisaCardAndRepliesPaymentCompletedInTheSagasConversation() {
        UUID orderId = UUID.randomUUID();

        EventEnvelope command = orderService.send(ProcessPayment.TYPE, orderId, processPayment(orderId, "pm_card_visa"));

        BrokerProbe.Received<PaymentCompleted> reply = events.awaitAtLeast(1, PaymentCompleted.TYPE, about(orderId)).getFirst();
        PaymentCompleted completed = reply.payload();
        assertThat(completed.orderId()).isEqualTo(orderId);
        assertThat(completed.amount()).isEqualTo(new Money(new BigDecimal("2560"), "JPY"));
        assertThat(completed.paymentId()).isEqualTo(jdbc.sql("SELECT id FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId).query(UUID.class).single());
        assertThat(reply.envelope().source()).isEqualTo("payment-service");
        assertThat(reply.envelope().correlationId()).isEqualTo(command.correlationId());
        assertThat(reply.envelope().causationId()).isEqualTo(command.eventId());
        assertThat(statusOfPayment(orderId)).isEqualTo("COMPLETED");
        assertThat(provider.chargesOf(new OrderId(orderId))).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"pm_card_chargeDeclined, card_declined", "pm_card_unknown, unsupported_payment_method"})
    void repliesPaymentFailedWithTheProvidersReason(String paymentMethod, String reason) {
        UUID orderId = UUID.randomUUID();

        orderService.send(ProcessPayment.TYPE, orderId, processPayment(orderId, paymentMethod));

        BrokerProbe.Received<PaymentFailed> reply = events.awaitAtLeast(1, PaymentFailed.TYPE, about(orderId)).getFirst();
        assertThat(reply.payload()).isEqualTo(new PaymentFailed(orderId, reason));
        assertThat(statusOfPayment(orderId)).isEqualTo("FAILED");
    }

    @Test
    void theSameCommandSentAgainChargesOnceAndRepliesAgainWithTheSameIds() {
        UUID orderId = UUID.randomUUID();
        ProcessPayment command = processPayment(orderId, "pm_card_visa");
        double completedBefore = paymentsCounted("completed");

        orderService.send(ProcessPayment.TYPE, orderId, command);
        events.await(orderId, PaymentCompleted.TYPE);
        // The saga sends it again when it missed the reply; a copy that arrives while the charge is still under way
        // gets no reply of its own (the charge's reply answers both; concurrentChargesOfOneOrderCallTheProviderOnce).
        orderService.send(ProcessPayment.TYPE, orderId, command);

        List<BrokerProbe.Received<PaymentCompleted>> replies = events.awaitAtLeast(2, PaymentCompleted.TYPE, about(orderId));
        assertThat(replies).hasSize(2);
        assertThat(replies.stream().map(BrokerProbe.Received::payload).distinct()).hasSize(1);
        assertThat(paymentRows(orderId)).isEqualTo(1);
        assertThat(provider.chargesOf(new OrderId(orderId))).isEqualTo(1);
        assertThat(paymentsCounted("completed") - completedBefore).isEqualTo(1);
    }

    @Test
    void paymentCommandsAreConsumedByEightConsumersAtOnce() {
        int consumers = rabbit.execute(channel -> channel.queueDeclarePassive(COMMANDS).getConsumerCount());

        assertThat(consumers).as("consumers of %s", COMMANDS).isEqualTo(8);
    }

    @Test
    void aDeclinedChargeAskedAgainRepliesTheSameFailureWithoutAskingTheProvider() {
        UUID orderId = UUID.randomUUID();
        ProcessPayment command = processPayment(orderId, "pm_card_chargeDeclined");

        orderService.send(ProcessPayment.TYPE, orderId, command);
        events.await(orderId, PaymentFailed.TYPE);
        orderService.send(ProcessPayment.TYPE, orderId, command);

        List<BrokerProbe.Received<PaymentFailed>> replies = events.awaitAtLeast(2, PaymentFailed.TYPE, about(orderId));
        assertThat(replies).extracting(BrokerProbe.Received::payload)
                .containsExactly(new PaymentFailed(orderId, "card_declined"), new PaymentFailed(orderId, "card_declined"));
        assertThat(provider.chargesOf(new OrderId(orderId))).isEqualTo(1);
    }

    @Test
    void concurrentChargesOfOneOrderCallTheProviderOnce() throws Exception {
        OrderId orderId = new OrderId(UUID.randomUUID());
        ChargeOrder command = new ChargeOrder(orderId, new CustomerId(UUID.randomUUID()), TOTAL, "pm_card_visa");
        CountDownLatch start = new CountDownLatch(1);

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> charges = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                charges.add(threads.submit(() -> {
                    start.await();
                    charging.charge(command);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> charge : charges) {
                charge.get();
            }
        }

        assertThat(paymentRows(orderId.value())).isEqualTo(1);
        assertThat(provider.chargesOf(orderId)).isEqualTo(1);
        assertThat(statusOfPayment(orderId.value())).isEqualTo("COMPLETED");
        List<UUID> announcedPaymentIds = events.awaitAtLeast(1, PaymentCompleted.TYPE, about(orderId.value())).stream()
                .map(reply -> reply.payload().paymentId()).distinct().toList();
        assertThat(announcedPaymentIds).hasSize(1);
    }

    @Test
    void refundsByCommandOnceWhenTheCommandIsDeliveredTwiceAndSentAgain() {
        UUID orderId = capturedOrder();
        double refundedBefore = paymentsCounted("refunded");

        EventEnvelope refund = orderService.send(RefundPayment.TYPE, orderId, refundPayment(orderId));
        orderService.deliver(refund);
        EventEnvelope again = orderService.send(RefundPayment.TYPE, orderId, refundPayment(orderId));

        BrokerProbe.Received<PaymentRefunded> refunded = events.awaitAtLeast(1, PaymentRefunded.TYPE, about(orderId)).getFirst();
        await().atMost(BrokerProbe.PATIENCE).until(() -> handled(COMMANDS, again.eventId()));
        assertThat(refunded.payload().amount()).isEqualTo(SampleCommands.TOTAL);
        assertThat(eventsStored("payment.refunded", orderId)).isEqualTo(1);
        assertThat(provider.refundsOf(new OrderId(orderId))).isEqualTo(1);
        assertThat(statusOfPayment(orderId)).isEqualTo("REFUNDED");
        assertThat(paymentsCounted("refunded") - refundedBefore).isEqualTo(1);
    }

    @Test
    void refundsAConfirmedOrderCancelledByTheShopperOnceWhateverAsksForIt() {
        UUID orderId = capturedOrder();

        double duplicatesBefore = duplicatesSkipped(EVENTS);

        EventEnvelope cancelled = orderService.send(OrderCancelled.TYPE, orderId, confirmedOrderCancelled(orderId));
        orderService.deliver(cancelled);
        EventEnvelope compensation = orderService.send(RefundPayment.TYPE, orderId, refundPayment(orderId));

        BrokerProbe.Received<PaymentRefunded> refunded = events.awaitAtLeast(1, PaymentRefunded.TYPE, about(orderId)).getFirst();
        await().atMost(BrokerProbe.PATIENCE).until(() -> handled(COMMANDS, compensation.eventId())
                && duplicatesSkipped(EVENTS) > duplicatesBefore);
        assertThat(refunded.payload().orderId()).isEqualTo(orderId);
        assertThat(refunded.envelope().causationId()).isIn(cancelled.eventId(), compensation.eventId());
        assertThat(eventsStored("payment.refunded", orderId)).isEqualTo(1);
        assertThat(provider.refundsOf(new OrderId(orderId))).isEqualTo(1);
    }

    @Test
    void cancellingAnOrderThatWasNeverConfirmedRefundsNothing() {
        UUID orderId = capturedOrder();

        EventEnvelope cancelled = orderService.send(OrderCancelled.TYPE, orderId, pendingOrderCancelled(orderId));

        await().atMost(BrokerProbe.PATIENCE).until(() -> handled(EVENTS, cancelled.eventId()));
        assertThat(statusOfPayment(orderId)).isEqualTo("COMPLETED");
        assertThat(eventsStored("payment.refunded", orderId)).isZero();
    }

    @Test
    void refundingADeclinedPaymentOrAnOrderWithoutPaymentDoesNothing() {
        UUID declinedOrder = UUID.randomUUID();
        orderService.send(ProcessPayment.TYPE, declinedOrder, processPayment(declinedOrder, "pm_card_chargeDeclined"));
        events.await(declinedOrder, PaymentFailed.TYPE);
        UUID unknownOrder = UUID.randomUUID();

        EventEnvelope declinedRefund = orderService.send(RefundPayment.TYPE, declinedOrder, refundPayment(declinedOrder));
        EventEnvelope unknownRefund = orderService.send(RefundPayment.TYPE, unknownOrder, refundPayment(unknownOrder));
        EventEnvelope unknownCancel = orderService.send(OrderCancelled.TYPE, unknownOrder, confirmedOrderCancelled(unknownOrder));

        await().atMost(BrokerProbe.PATIENCE).until(() -> handled(COMMANDS, declinedRefund.eventId())
                && handled(COMMANDS, unknownRefund.eventId()) && handled(EVENTS, unknownCancel.eventId()));
        assertThat(statusOfPayment(declinedOrder)).isEqualTo("FAILED");
        assertThat(eventsStored("payment.refunded", declinedOrder)).isZero();
        assertThat(eventsStored("payment.refunded", unknownOrder)).isZero();
        assertThat(paymentRows(unknownOrder)).isZero();
        assertThat(provider.refundsOf(new OrderId(declinedOrder))).isZero();
    }

    @Test
    void aPaymentACrashLeftWaitingForTheProviderIsSettledByTheSweepWithoutASecondCharge() {
        OrderId orderId = new OrderId(UUID.randomUUID());
        // A process recorded the payment five minutes ago and got it charged, then died before recording the answer.
        PaymentProvider.Captured chargedBeforeTheCrash = (PaymentProvider.Captured) provider.charge(
                new PaymentProvider.ChargeRequest(orderId.toString(), TOTAL, "pm_card_visa"));
        payments.addIfAbsent(Payment.request(PaymentId.random(), orderId, new CustomerId(UUID.randomUUID()), TOTAL,
                "pm_card_visa", Instant.now().minus(Duration.ofMinutes(5)), Duration.ofSeconds(30)));

        BrokerProbe.Received<PaymentCompleted> completed = events.awaitAtLeast(1, PaymentCompleted.TYPE, about(orderId.value())).getFirst();

        assertThat(completed.payload().orderId()).isEqualTo(orderId.value());
        assertThat(statusOfPayment(orderId.value())).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT provider_reference FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId.value()).query(String.class).single())
                .as("the sweep got the first charge's answer back").isEqualTo(chargedBeforeTheCrash.reference());
    }

    @Test
    void aRefundThatOvertakesTheChargeIsCarriedOutOnceTheChargeIsCaptured() {
        OrderId orderId = new OrderId(UUID.randomUUID());
        // Another instance is charging the order and will not be done for five seconds.
        payments.addIfAbsent(Payment.request(PaymentId.random(), orderId, new CustomerId(UUID.randomUUID()),
                TOTAL, "pm_card_visa", Instant.now(), Duration.ofSeconds(5)));

        EventEnvelope refund = orderService.send(RefundPayment.TYPE, orderId.value(), refundPayment(orderId.value()));

        await().atMost(BrokerProbe.PATIENCE).until(() -> handled(COMMANDS, refund.eventId()));
        assertThat(provider.refundsOf(orderId)).as("nothing to refund before the capture").isZero();
        events.await(orderId.value(), PaymentRefunded.TYPE);
        assertThat(events.awaitAtLeast(1, PaymentCompleted.TYPE, about(orderId.value()))).hasSize(1);
        assertThat(statusOfPayment(orderId.value())).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("SELECT refund_requested_at < settled_at FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId.value()).query(Boolean.class).single())
                .as("the refund was decided before the charge was captured").isTrue();
        assertThat(provider.chargesOf(orderId)).isEqualTo(1);
        assertThat(provider.refundsOf(orderId)).isEqualTo(1);
    }

    @Test
    void aCommandThatBreaksAPaymentRuleIsDeadLetteredAtOnceWithoutAPayment() {
        UUID orderId = UUID.randomUUID();

        EventEnvelope command = orderService.send(ProcessPayment.TYPE, orderId,
                new ProcessPayment(orderId, UUID.randomUUID(), new Money(BigDecimal.ZERO, "JPY"), "pm_card_visa", null));

        await().atMost(BrokerProbe.PATIENCE).until(() -> deadLetters.list(COMMANDS, 100).stream()
                .anyMatch(letter -> command.eventId().toString().equals(letter.messageId())));
        assertThat(deadLetters.list(COMMANDS, 100)).filteredOn(letter -> command.eventId().toString().equals(letter.messageId()))
                .singleElement().satisfies(letter -> assertThat(letter.failure()).contains("positive amount"));
        assertThat(paymentRows(orderId)).isZero();
        assertThat(provider.chargesOf(new OrderId(orderId))).isZero();
        deadLetters.discard(COMMANDS, command.eventId().toString());
    }

    @Test
    void aChargeCommandThatComesTooLateToFinishBeforeItsDeadlineChargesNothingAndIsNotAnswered() {
        UUID lateOrder = UUID.randomUUID();
        UUID almostLateOrder = UUID.randomUUID();
        double expiredBefore = paymentsCounted("expired");

        // Waited out an outage in the queue: the saga gave up on this attempt a minute ago.
        orderService.send(ProcessPayment.TYPE, lateOrder, SampleCommands.processPaymentBy(lateOrder, Instant.now().minusSeconds(60)));
        // Within the charge margin (5 s) of its deadline: a charge could not be finished in time.
        orderService.send(ProcessPayment.TYPE, almostLateOrder,
                SampleCommands.processPaymentBy(almostLateOrder, Instant.now().plusSeconds(2)));

        await().atMost(BrokerProbe.PATIENCE).until(() -> paymentsCounted("expired") >= expiredBefore + 2);
        assertThat(paymentRows(lateOrder)).isZero();
        assertThat(paymentRows(almostLateOrder)).isZero();
        assertThat(provider.chargesOf(new OrderId(lateOrder))).isZero();
        assertThat(provider.chargesOf(new OrderId(almostLateOrder))).isZero();

        // The same command with time to spare (the saga's next attempt) charges as usual.
        orderService.send(ProcessPayment.TYPE, lateOrder, SampleCommands.processPaymentBy(lateOrder, Instant.now().plusSeconds(60)));
        events.await(lateOrder, PaymentCompleted.TYPE);
        assertThat(events.all(lateOrder, PaymentFailed.TYPE)).as("no failure reply for the late attempt").isEmpty();
        assertThat(provider.chargesOf(new OrderId(lateOrder))).isEqualTo(1);
    }

    private UUID capturedOrder() {
        UUID orderId = UUID.randomUUID();
        orderService.send(ProcessPayment.TYPE, orderId, processPayment(orderId, "pm_card_visa"));
        events.await(orderId, PaymentCompleted.TYPE);
        return orderId;
    }

    private double duplicatesSkipped(String queue) {
        var counter = meters.find("kaimono.inbox.duplicates").tag("queue", queue).counter();
        return counter == null ? 0 : counter.count();
    }

    private double paymentsCounted(String outcome) {
        return meters.get("kaimono.payments").tag("outcome", outcome).counter().count();
    }
}
