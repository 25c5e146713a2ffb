package dev.kaimono.order.domain;

import static dev.kaimono.order.domain.DeciderSpecification.given;
import static dev.kaimono.order.domain.DeciderSpecification.givenNoHistory;
import static dev.kaimono.order.domain.Orders.ORDER;
import static dev.kaimono.order.domain.Orders.PAYMENT;
import static dev.kaimono.order.domain.Orders.SHIPMENT;
import static dev.kaimono.order.domain.Orders.SHOPPER;
import static dev.kaimono.order.domain.Orders.VISA;
import static dev.kaimono.order.domain.Orders.aWhisk;
import static dev.kaimono.order.domain.Orders.anAddress;
import static dev.kaimono.order.domain.Orders.cancelledFor;
import static dev.kaimono.order.domain.Orders.confirmed;
import static dev.kaimono.order.domain.Orders.delivered;
import static dev.kaimono.order.domain.Orders.minutesLater;
import static dev.kaimono.order.domain.Orders.placeOrder;
import static dev.kaimono.order.domain.Orders.placed;
import static dev.kaimono.order.domain.Orders.shipped;
import static dev.kaimono.order.domain.Orders.twoTinsOfMatcha;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.kaimono.order.domain.OrderCommand.CancelOrder;
import dev.kaimono.order.domain.OrderCommand.ConfirmOrder;
import dev.kaimono.order.domain.OrderCommand.PlaceOrder;
import dev.kaimono.order.domain.OrderCommand.RecordDelivery;
import dev.kaimono.order.domain.OrderCommand.RecordShipment;
import dev.kaimono.order.domain.OrderCommand.RejectOrder;
import dev.kaimono.order.domain.OrderEvent.OrderCancelled;
import dev.kaimono.order.domain.OrderEvent.OrderConfirmed;
import dev.kaimono.order.domain.OrderEvent.OrderDelivered;
import dev.kaimono.order.domain.OrderEvent.OrderShipped;

/** The order's rules: given its events, when a command arrives, then these events (or a refusal). */
class OrderDeciderTest {

    private static final Shipment PARCEL = new Shipment(SHIPMENT, "Yamato", "1234-5678");

    @Nested
    class PlacingAnOrder {

        @Test
        void placesAnOrderWhoseTotalIsTheSumOfItsLines() {
            givenNoHistory().when(placeOrder()).then(placed());
        }

        @Test
        void refusesToPlaceTheSameOrderTwice() {
            given(placed()).when(placeOrder()).thenRefused(OrderRuleViolationException.class, "placed already");
        }

        @Test
        void refusesAnOrderWithoutLines() {
            givenNoHistory().when(withLines(List.of())).thenRejected(new OrderRejection.NoLines());
        }

        @Test
        void refusesTheSameProductOnTwoLinesNamingEveryRepetition() {
            givenNoHistory().when(withLines(List.of(twoTinsOfMatcha(), aWhisk(), twoTinsOfMatcha(), aWhisk())))
                    .thenRejected(new OrderRejection.RepeatedProduct(2, twoTinsOfMatcha().productId()),
                            new OrderRejection.RepeatedProduct(3, aWhisk().productId()));
        }

        @Test
        void refusesLinesPricedInDifferentCurrencies() {
            OrderLine inEuro = new OrderLine(aWhisk().productId(), "Whisk", Money.of("20.00", "EUR"), 1);
            givenNoHistory().when(withLines(List.of(twoTinsOfMatcha(), inEuro))).thenRejected(new OrderRejection.MixedCurrencies());
        }

        @Test
        void refusesMoreLinesThanAnOrderHolds() {
            List<OrderLine> tooMany = IntStream.rangeClosed(1, OrderDecider.MAX_LINES + 1)
                    .mapToObj(i -> new OrderLine(new ProductId(UUID.randomUUID()), "Item " + i, Money.of("100", "JPY"), 1))
                    .toList();
            givenNoHistory().when(withLines(tooMany)).thenRejected(new OrderRejection.TooManyLines(OrderDecider.MAX_LINES));
        }

        @Test
        void namesEveryBrokenRuleAtOnce() {
            List<OrderLine> lines = new ArrayList<>(IntStream.rangeClosed(1, OrderDecider.MAX_LINES)
                    .mapToObj(i -> new OrderLine(new ProductId(UUID.randomUUID()), "Item " + i, Money.of("100", "JPY"), 1))
                    .toList());
            lines.add(new OrderLine(lines.getFirst().productId(), "Item 1", Money.of("1.00", "EUR"), 1));
            givenNoHistory().when(withLines(lines)).thenRejected(new OrderRejection.TooManyLines(OrderDecider.MAX_LINES),
                    new OrderRejection.RepeatedProduct(OrderDecider.MAX_LINES, lines.getFirst().productId()),
                    new OrderRejection.MixedCurrencies());
        }

        private PlaceOrder withLines(List<OrderLine> lines) {
            return new PlaceOrder(ORDER, SHOPPER, lines, anAddress(), VISA, Orders.PLACED_AT);
        }
    }

    @Nested
    class ConfirmingAnOrder {

        private final ConfirmOrder confirm = new ConfirmOrder(ORDER, PAYMENT, minutesLater(1));

        @Test
        void confirmsAPendingOrderWithItsPayment() {
            given(placed()).when(confirm).then(new OrderConfirmed(ORDER, PAYMENT, minutesLater(1)));
        }

        @Test
        void confirmingAConfirmedOrderAgainChangesNothing() {
            given(placed(), confirmed()).when(confirm).thenNothingHappens();
        }

        @Test
        void confirmingAShippedOrderChangesNothing() {
            given(placed(), confirmed(), shipped()).when(confirm).thenNothingHappens();
        }

        @Test
        void refusesToConfirmACancelledOrder() {
            given(placed(), cancelledFor(CancellationReason.TIMED_OUT)).when(confirm)
                    .thenRefused(OrderRuleViolationException.class, "cancelled order cannot be confirmed");
        }

        @Test
        void refusesCommandsForAnOrderThatWasNeverPlaced() {
            givenNoHistory().when(confirm).thenRefused(UnknownOrderException.class, ORDER.toString());
        }
    }

    @Nested
    class RejectingAnOrderWhilePlacingIt {

        @ParameterizedTest
        @EnumSource(value = CancellationReason.class, names = {"OUT_OF_STOCK", "PAYMENT_DECLINED", "TIMED_OUT"})
        void cancelsAPendingOrderForTheSagasReason(CancellationReason reason) {
            given(placed()).when(new RejectOrder(ORDER, reason, minutesLater(2)))
                    .then(new OrderCancelled(ORDER, reason, false, minutesLater(2)));
        }

        @Test
        void rejectingACancelledOrderAgainChangesNothing() {
            given(placed(), cancelledFor(CancellationReason.OUT_OF_STOCK))
                    .when(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, minutesLater(3))).thenNothingHappens();
        }

        @Test
        void refusesToRejectAConfirmedOrder() {
            given(placed(), confirmed()).when(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, minutesLater(3)))
                    .thenRefused(OrderRuleViolationException.class, "only its shopper may cancel it");
        }

        @Test
        void theSagaCannotCancelOnTheShoppersBehalf() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RejectOrder(ORDER, CancellationReason.CUSTOMER_REQUEST, minutesLater(3)))
                    .withMessageContaining("CUSTOMER_REQUEST");
        }
    }

    @Nested
    class CancellingOnTheShoppersRequest {

        private final CancelOrder cancel = new CancelOrder(ORDER, minutesLater(5));

        @Test
        void cancelsAConfirmedOrderAndSaysItWasConfirmed() {
            given(placed(), confirmed()).when(cancel)
                    .then(new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST, true, minutesLater(5)));
        }

        @Test
        void refusesCancellationWhileTheOrderIsBeingPlaced() {
            given(placed()).when(cancel).thenRefused(OrderRuleViolationException.class, "still being placed");
        }

        @Test
        void refusesCancellationOfADispatchedOrder() {
            given(placed(), confirmed(), shipped()).when(cancel).thenRefused(OrderRuleViolationException.class, "dispatched");
        }

        @Test
        void refusesCancellationOfADeliveredOrder() {
            given(placed(), confirmed(), shipped(), delivered()).when(cancel)
                    .thenRefused(OrderRuleViolationException.class, "dispatched");
        }

        @Test
        void cancellingACancelledOrderAgainChangesNothing() {
            given(placed(), confirmed(), cancelledFor(CancellationReason.CUSTOMER_REQUEST)).when(cancel).thenNothingHappens();
        }
    }

    @Nested
    class RecordingTheDispatch {

        private final RecordShipment dispatched = new RecordShipment(ORDER, PARCEL, minutesLater(60));

        @Test
        void shipsAConfirmedOrder() {
            given(placed(), confirmed()).when(dispatched).then(new OrderShipped(ORDER, PARCEL, minutesLater(60)));
        }

        @Test
        void aRepeatedDispatchReportChangesNothing() {
            given(placed(), confirmed(), shipped()).when(dispatched).thenNothingHappens();
        }

        @Test
        void aDispatchReportAfterDeliveryChangesNothing() {
            given(placed(), confirmed(), shipped(), delivered()).when(dispatched).thenNothingHappens();
        }

        @Test
        void refusesToShipAPendingOrder() {
            given(placed()).when(dispatched).thenRefused(OrderRuleViolationException.class, "pending order cannot be dispatched");
        }

        @Test
        void refusesToShipACancelledOrder() {
            given(placed(), confirmed(), cancelledFor(CancellationReason.CUSTOMER_REQUEST)).when(dispatched)
                    .thenRefused(OrderRuleViolationException.class, "cancelled order cannot be dispatched");
        }
    }

    @Nested
    class RecordingTheDelivery {

        private final RecordDelivery delivery = new RecordDelivery(ORDER, SHIPMENT, minutesLater(24 * 60));

        @Test
        void deliversAShippedOrder() {
            given(placed(), confirmed(), shipped()).when(delivery).then(new OrderDelivered(ORDER, SHIPMENT, minutesLater(24 * 60)));
        }

        @Test
        void aDeliveryReportedBeforeTheDispatchShipsAndDelivers() {
            given(placed(), confirmed()).when(delivery).then(
                    new OrderShipped(ORDER, new Shipment(SHIPMENT, null, null), minutesLater(24 * 60)),
                    new OrderDelivered(ORDER, SHIPMENT, minutesLater(24 * 60)));
        }

        @Test
        void aRepeatedDeliveryReportChangesNothing() {
            given(placed(), confirmed(), shipped(), delivered()).when(delivery).thenNothingHappens();
        }

        @Test
        void refusesToDeliverAPendingOrder() {
            given(placed()).when(delivery).thenRefused(OrderRuleViolationException.class, "pending order cannot be delivered");
        }

        @Test
        void refusesToDeliverACancelledOrder() {
            given(placed(), cancelledFor(CancellationReason.OUT_OF_STOCK)).when(delivery)
                    .thenRefused(OrderRuleViolationException.class, "cancelled order cannot be delivered");
        }
    }
}
