package dev.kaimono.shipping.domain;

import static dev.kaimono.shipping.domain.ShipmentMother.ARRANGED_AT;
import static dev.kaimono.shipping.domain.ShipmentMother.DELIVERED_AT;
import static dev.kaimono.shipping.domain.ShipmentMother.DISPATCHED_AT;
import static dev.kaimono.shipping.domain.ShipmentMother.aCancelledShipment;
import static dev.kaimono.shipping.domain.ShipmentMother.aCustomer;
import static dev.kaimono.shipping.domain.ShipmentMother.aDeliveredShipment;
import static dev.kaimono.shipping.domain.ShipmentMother.aDispatchedShipment;
import static dev.kaimono.shipping.domain.ShipmentMother.anAddress;
import static dev.kaimono.shipping.domain.ShipmentMother.anArrangedShipment;
import static dev.kaimono.shipping.domain.ShipmentMother.anOrder;
import static dev.kaimono.shipping.domain.ShipmentMother.sagawaTracking;
import static dev.kaimono.shipping.domain.ShipmentMother.yamatoTracking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:30:00Z");

    @Nested
    class Arranging {

        @Test
        void arrangesForTheOrderWithACopyOfItsCustomerAndAddressAndRecordsArranged() {
            OrderId order = anOrder();
            CustomerId customer = aCustomer();

            Shipment shipment = Shipment.arrange(order, customer, anAddress(), ARRANGED_AT);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.ARRANGED);
            assertThat(shipment.orderId()).isEqualTo(order);
            assertThat(shipment.customerId()).isEqualTo(customer);
            assertThat(shipment.address()).isEqualTo(anAddress());
            assertThat(shipment.arrangedAt()).isEqualTo(ARRANGED_AT);
            assertThat(shipment.tracking()).isEmpty();
            assertThat(shipment.pullEvents()).containsExactly(new ShipmentEvent.Arranged(shipment.id(), order));
        }

        @Test
        void eachShipmentGetsItsOwnId() {
            OrderId order = anOrder();

            Shipment first = Shipment.arrange(order, aCustomer(), anAddress(), ARRANGED_AT);
            Shipment second = Shipment.arrange(order, aCustomer(), anAddress(), ARRANGED_AT);

            assertThat(first.id()).isNotEqualTo(second.id());
        }

        @Test
        void pulledEventsAreGoneFromTheShipment() {
            Shipment shipment = Shipment.arrange(anOrder(), aCustomer(), anAddress(), ARRANGED_AT);

            shipment.pullEvents();

            assertThat(shipment.pullEvents()).isEmpty();
        }
    }

    @Nested
    class Dispatching {

        @Test
        void dispatchesAnArrangedShipmentWithItsTrackingAndRecordsDispatched() {
            Shipment shipment = anArrangedShipment();

            shipment.dispatch(yamatoTracking(), NOW);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.DISPATCHED);
            assertThat(shipment.tracking()).contains(yamatoTracking());
            assertThat(shipment.dispatchedAt()).contains(NOW);
            assertThat(shipment.hasBeenDispatched()).isTrue();
            assertThat(shipment.pullEvents())
                    .containsExactly(new ShipmentEvent.Dispatched(shipment.id(), shipment.orderId(), yamatoTracking()));
        }

        @Test
        void dispatchingAgainWithTheSameTrackingChangesAndRecordsNothing() {
            Shipment shipment = aDispatchedShipment();

            shipment.dispatch(new Tracking(" Yamato ", "4242-0000-1111 "), NOW);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.DISPATCHED);
            assertThat(shipment.dispatchedAt()).contains(DISPATCHED_AT);
            assertThat(shipment.pullEvents()).isEmpty();
        }

        @Test
        void dispatchingADeliveredShipmentWithItsTrackingChangesAndRecordsNothing() {
            Shipment shipment = aDeliveredShipment();

            shipment.dispatch(yamatoTracking(), NOW);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED);
            assertThat(shipment.pullEvents()).isEmpty();
        }

        @Test
        void refusesToDispatchAgainWithOtherTracking() {
            Shipment shipment = aDispatchedShipment();

            assertRefused(shipment, it -> it.dispatch(sagawaTracking(), NOW), ShipmentStatus.DISPATCHED,
                    "already dispatched with Yamato 4242-0000-1111");
            assertThat(shipment.tracking()).contains(yamatoTracking());
        }

        @Test
        void refusesToDispatchACancelledShipment() {
            assertRefused(aCancelledShipment(), it -> it.dispatch(yamatoTracking(), NOW), ShipmentStatus.CANCELLED,
                    "was cancelled");
        }
    }

    @Nested
    class Delivering {

        @Test
        void deliversADispatchedShipmentAndRecordsDelivered() {
            Shipment shipment = aDispatchedShipment();

            shipment.deliver(NOW);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED);
            assertThat(shipment.deliveredAt()).contains(NOW);
            assertThat(shipment.tracking()).contains(yamatoTracking());
            assertThat(shipment.pullEvents()).containsExactly(new ShipmentEvent.Delivered(shipment.id(), shipment.orderId()));
        }

        @Test
        void deliveringAgainChangesAndRecordsNothing() {
            Shipment shipment = aDeliveredShipment();

            shipment.deliver(NOW);

            assertThat(shipment.deliveredAt()).contains(DELIVERED_AT);
            assertThat(shipment.pullEvents()).isEmpty();
        }

        @Test
        void refusesToDeliverAShipmentThatWasNotDispatched() {
            assertRefused(anArrangedShipment(), it -> it.deliver(NOW), ShipmentStatus.ARRANGED, "has not been dispatched");
        }

        @Test
        void refusesToDeliverACancelledShipment() {
            assertRefused(aCancelledShipment(), it -> it.deliver(NOW), ShipmentStatus.CANCELLED, "was cancelled");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelsAnArrangedShipmentAndRecordsCancelled() {
            Shipment shipment = anArrangedShipment();

            shipment.cancel(NOW);

            assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
            assertThat(shipment.cancelledAt()).contains(NOW);
            assertThat(shipment.hasBeenDispatched()).isFalse();
            assertThat(shipment.pullEvents()).containsExactly(new ShipmentEvent.Cancelled(shipment.id(), shipment.orderId()));
        }

        @Test
        void cancellingAgainChangesAndRecordsNothing() {
            Shipment shipment = aCancelledShipment();

            shipment.cancel(NOW);

            assertThat(shipment.cancelledAt()).contains(ShipmentMother.CANCELLED_AT);
            assertThat(shipment.pullEvents()).isEmpty();
        }

        @Test
        void refusesToCancelADispatchedShipment() {
            assertRefused(aDispatchedShipment(), it -> it.cancel(NOW), ShipmentStatus.DISPATCHED, "can no longer be cancelled");
        }

        @Test
        void refusesToCancelADeliveredShipment() {
            assertRefused(aDeliveredShipment(), it -> it.cancel(NOW), ShipmentStatus.DELIVERED, "can no longer be cancelled");
        }
    }

    @Nested
    class StateAndOwnership {

        @ParameterizedTest
        @EnumSource(ShipmentStatus.class)
        void theCarrierHasTheShipmentOnlyOnceItWasDispatched(ShipmentStatus status) {
            boolean expected = status == ShipmentStatus.DISPATCHED || status == ShipmentStatus.DELIVERED;

            assertThat(ShipmentMother.inStatus(status).hasBeenDispatched()).isEqualTo(expected);
        }

        @Test
        void belongsToTheCustomerOfItsOrderOnly() {
            CustomerId customer = aCustomer();
            Shipment shipment = Shipment.arrange(anOrder(), customer, anAddress(), ARRANGED_AT);

            assertThat(shipment.isFor(customer)).isTrue();
            assertThat(shipment.isFor(aCustomer())).isFalse();
        }

        @Test
        void aRestoredShipmentRecordsNothing() {
            assertThat(aDeliveredShipment().pullEvents()).isEmpty();
        }

        @Test
        void refusesToRestoreADispatchedShipmentWithoutTracking() {
            assertThatIllegalArgumentException().isThrownBy(() -> Shipment.restore(ShipmentId.random(), anOrder(),
                    aCustomer(), anAddress(), ShipmentStatus.DISPATCHED, null, ARRANGED_AT, DISPATCHED_AT, null, null))
                    .withMessageContaining("DISPATCHED");
        }

        @Test
        void refusesToRestoreAnArrangedShipmentWithADeliveryTime() {
            assertThatIllegalArgumentException().isThrownBy(() -> Shipment.restore(ShipmentId.random(), anOrder(),
                    aCustomer(), anAddress(), ShipmentStatus.ARRANGED, null, ARRANGED_AT, null, DELIVERED_AT, null))
                    .withMessageContaining("ARRANGED");
        }
    }

    @Nested
    class Values {

        @Test
        void trackingIsStrippedAndComparedByValue() {
            assertThat(new Tracking("  Yamato", "4242-0000-1111  ")).isEqualTo(yamatoTracking());
        }

        @Test
        void trackingNeedsACarrierAndANumber() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Tracking(" ", "123")).withMessageContaining("carrier");
            assertThatIllegalArgumentException().isThrownBy(() -> new Tracking("Yamato", null))
                    .withMessageContaining("tracking number");
        }

        @Test
        void aTrackingNumberHasAtMost64Characters() {
            assertThat(new Tracking("Yamato", "9".repeat(64)).trackingNumber()).hasSize(64);
            assertThatIllegalArgumentException().isThrownBy(() -> new Tracking("Yamato", "9".repeat(65)))
                    .withMessageContaining("at most 64");
        }

        @Test
        void anAddressNeedsEveryLine() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Address("Ann Lee", "1-2-3 Jingumae", "Tokyo", "", "JP"))
                    .withMessageContaining("postalCode");
        }
    }

    private static void assertRefused(Shipment shipment, Consumer<Shipment> step, ShipmentStatus status, String reason) {
        assertThatThrownBy(() -> step.accept(shipment))
                .isInstanceOfSatisfying(IllegalShipmentTransitionException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(status);
                    assertThat(refusal.shipmentId()).isEqualTo(shipment.id());
                })
                .hasMessageContaining(reason);
        assertThat(shipment.status()).isEqualTo(status);
        assertThat(shipment.pullEvents()).isEmpty();
    }
}
