package dev.kaimono.inventory.domain;

import static dev.kaimono.inventory.domain.InventoryMother.NOW;
import static dev.kaimono.inventory.domain.InventoryMother.TTL;
import static dev.kaimono.inventory.domain.InventoryMother.aDeductedReservation;
import static dev.kaimono.inventory.domain.InventoryMother.aHeldReservation;
import static dev.kaimono.inventory.domain.InventoryMother.aProduct;
import static dev.kaimono.inventory.domain.InventoryMother.anOrder;
import static dev.kaimono.inventory.domain.InventoryMother.line;
import static dev.kaimono.inventory.domain.InventoryMother.stock;
import static dev.kaimono.inventory.domain.InventoryMother.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kaimono.inventory.domain.InventoryEvent.ReleaseReason;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationDeducted;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationHeld;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationRefused;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationReleased;
import dev.kaimono.inventory.domain.InventoryEvent.StockDepleted;
import dev.kaimono.inventory.domain.Reservation.Status;

class ReservationTest {

    private final OrderId order = anOrder();
    private final ProductId tea = aProduct();
    private final ProductId cups = aProduct();

    @Test
    void placingHoldsEveryLineUntilTheTimeToLiveRunsOut() {
        // given
        Stock stock = stock(stockOf(tea, 10), stockOf(cups, 5));

        // when
        Reservation reservation = Reservation.place(order, List.of(line(tea, 2), line(cups, 1)), stock, NOW, TTL);

        // then
        assertThat(reservation.status()).isEqualTo(Status.RESERVED);
        assertThat(reservation.lines()).containsExactly(line(tea, 2), line(cups, 1));
        assertThat(reservation.expiresAt()).contains(NOW.plus(TTL));
        assertThat(stock.item(tea).orElseThrow().reserved()).isEqualTo(2);
        assertThat(stock.item(cups).orElseThrow().reserved()).isEqualTo(1);
        assertThat(reservation.pullEvents()).containsExactly(new ReservationHeld(order, List.of(line(tea, 2), line(cups, 1))));
    }

    @Test
    void oneShortLineFailsTheWholeOrderAndHoldsNothing() {
        // given
        Stock stock = stock(stockOf(tea, 10), stockOf(cups, 5, 4));

        // when
        Reservation reservation = Reservation.place(order, List.of(line(tea, 2), line(cups, 3)), stock, NOW, TTL);

        // then
        assertThat(reservation.status()).isEqualTo(Status.FAILED);
        assertThat(reservation.shortages()).containsExactly(new Shortage(cups, 3, 1));
        assertThat(reservation.expiresAt()).isEmpty();
        assertThat(stock.item(tea).orElseThrow().reserved()).isZero();
        assertThat(stock.item(cups).orElseThrow().reserved()).isEqualTo(4);
        assertThat(reservation.pullEvents()).containsExactly(new ReservationRefused(order, List.of(new Shortage(cups, 3, 1))));
    }

    @Test
    void aProductWithoutStockItemIsShortOfEverything() {
        // given
        Stock stock = stock(stockOf(tea, 10));

        // when
        Reservation reservation = Reservation.place(order, List.of(line(tea, 1), line(cups, 2)), stock, NOW, TTL);

        // then
        assertThat(reservation.shortages()).containsExactly(new Shortage(cups, 2, 0));
    }

    @Test
    void aProductOrderedOnTwoLinesIsReservedOnceForBoth() {
        // given
        Stock stock = stock(stockOf(tea, 10));

        // when
        Reservation reservation = Reservation.place(order, List.of(line(tea, 2), line(tea, 3)), stock, NOW, TTL);

        // then
        assertThat(reservation.lines()).containsExactly(line(tea, 5));
        assertThat(stock.available(tea)).isEqualTo(5);
    }

    @Test
    void placingTheLastUnitsRecordsTheDepletionOnTheStock() {
        // given
        Stock stock = stock(stockOf(tea, 2));

        // when
        Reservation.place(order, List.of(line(tea, 2)), stock, NOW, TTL);

        // then
        assertThat(stock.pullEvents()).containsExactly(new StockDepleted(tea));
    }

    @Test
    void anOrderWithoutLinesOrAReservationWithoutTimeToLiveIsRefused() {
        Stock stock = stock(stockOf(tea, 2));

        assertThatIllegalArgumentException().isThrownBy(() -> Reservation.place(order, List.of(), stock, NOW, TTL));
        assertThatIllegalArgumentException().isThrownBy(() -> Reservation.place(order, List.of(line(tea, 1)), stock, NOW, Duration.ZERO));
        assertThat(stock.available(tea)).isEqualTo(2);
    }

    @Test
    void releasingGivesHeldUnitsBack() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));
        Instant later = NOW.plusSeconds(5);

        // when
        boolean released = reservation.release(stock, later);

        // then
        assertThat(released).isTrue();
        assertThat(reservation.status()).isEqualTo(Status.RELEASED);
        assertThat(reservation.updatedAt()).isEqualTo(later);
        assertThat(stock.available(tea)).isEqualTo(10);
        assertThat(reservation.pullEvents())
                .containsExactly(new ReservationReleased(order, List.of(line(tea, 4)), ReleaseReason.REQUESTED));
    }

    @Test
    void releasingTwiceReleasesOnce() {
        // given
        Stock stock = stock(stockOf(tea, 10, 3));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));
        reservation.release(stock, NOW);
        reservation.pullEvents();

        // when
        boolean releasedAgain = reservation.release(stock, NOW);

        // then
        assertThat(releasedAgain).isFalse();
        assertThat(stock.item(tea).orElseThrow().reserved()).isEqualTo(3);
        assertThat(reservation.pullEvents()).isEmpty();
    }

    @Test
    void releasingARefusedReservationDoesNothing() {
        // given
        Stock stock = stock(stockOf(tea, 1));
        Reservation refused = Reservation.place(order, List.of(line(tea, 2)), stock, NOW, TTL);
        refused.pullEvents();

        // when
        boolean released = refused.release(stock, NOW);

        // then
        assertThat(released).isFalse();
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.pullEvents()).isEmpty();
    }

    @Test
    void aHeldReservationExpiresOnceItsTimeToLiveHasPassed() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));
        Instant due = NOW.plus(TTL);

        // when
        boolean expired = reservation.expire(stock, due);

        // then
        assertThat(expired).isTrue();
        assertThat(reservation.status()).isEqualTo(Status.EXPIRED);
        assertThat(stock.available(tea)).isEqualTo(10);
        assertThat(reservation.pullEvents())
                .containsExactly(new ReservationReleased(order, List.of(line(tea, 4)), ReleaseReason.EXPIRED));
    }

    @Test
    void aReservationThatIsNotDueYetDoesNotExpire() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));
        Instant justBefore = NOW.plus(TTL).minusMillis(1);

        // when
        boolean expired = reservation.expire(stock, justBefore);

        // then
        assertThat(expired).isFalse();
        assertThat(reservation.isDueAt(justBefore)).isFalse();
        assertThat(reservation.isDueAt(NOW.plus(TTL))).isTrue();
        assertThat(reservation.status()).isEqualTo(Status.RESERVED);
        assertThat(stock.available(tea)).isEqualTo(6);
    }

    @Test
    void aConfirmedReservationIsNeverDue() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aDeductedReservation(order, stock, line(tea, 4));

        // then
        assertThat(reservation.isDueAt(NOW.plus(TTL).plus(TTL))).isFalse();
        assertThat(reservation.expire(stock, NOW.plus(TTL))).isFalse();
    }

    @Test
    void confirmingDeductsTheHeldUnitsFromTheStockOnHand() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));

        // when
        reservation.confirm(List.of(line(tea, 4)), stock, NOW);

        // then
        StockItem item = stock.item(tea).orElseThrow();
        assertThat(reservation.status()).isEqualTo(Status.DEDUCTED);
        assertThat(item.onHand()).isEqualTo(6);
        assertThat(item.reserved()).isZero();
        assertThat(item.available()).isEqualTo(6);
        assertThat(reservation.pullEvents()).containsExactly(new ReservationDeducted(order, List.of(line(tea, 4))));
    }

    @Test
    void confirmingTwiceDeductsOnce() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aDeductedReservation(order, stock, line(tea, 4));

        // when
        reservation.confirm(List.of(line(tea, 4)), stock, NOW);

        // then
        assertThat(stock.item(tea).orElseThrow().onHand()).isEqualTo(6);
        assertThat(reservation.pullEvents()).isEmpty();
    }

    @Test
    void anOrderConfirmedAfterItsReservationExpiredTakesItsUnitsAgain() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));
        reservation.expire(stock, NOW.plus(TTL));
        reservation.pullEvents();

        // when
        reservation.confirm(List.of(line(tea, 4)), stock, NOW.plus(TTL));

        // then
        assertThat(reservation.status()).isEqualTo(Status.DEDUCTED);
        assertThat(stock.item(tea).orElseThrow().onHand()).isEqualTo(6);
        assertThat(stock.item(tea).orElseThrow().reserved()).isZero();
        assertThat(reservation.pullEvents()).containsExactly(new ReservationDeducted(order, List.of(line(tea, 4))));
    }

    @Test
    void anOrderConfirmedAfterItsStockWasSoldElsewhereIsRefusedAndChangesNothing() {
        // given
        Stock stock = stock(stockOf(tea, 10), stockOf(cups, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4), line(cups, 1));
        reservation.expire(stock, NOW.plus(TTL));
        stock.item(tea).orElseThrow().reserve(8);

        // when / then
        assertThatExceptionOfType(InsufficientStockException.class)
                .isThrownBy(() -> reservation.confirm(List.of(line(tea, 4), line(cups, 1)), stock, NOW.plus(TTL)))
                .satisfies(refused -> assertThat(refused.shortages()).containsExactly(new Shortage(tea, 4, 2)));
        assertThat(reservation.status()).isEqualTo(Status.EXPIRED);
        assertThat(stock.item(cups).orElseThrow().onHand()).isEqualTo(10);
    }

    @Test
    void anOrderConfirmedWithoutAnyReservationTakesItsConfirmedLines() {
        // given
        Stock stock = stock(stockOf(tea, 10));

        // when
        Reservation reservation = Reservation.confirmedWithoutReservation(order, List.of(line(tea, 3)), stock, NOW);

        // then
        assertThat(reservation.status()).isEqualTo(Status.DEDUCTED);
        assertThat(reservation.lines()).containsExactly(line(tea, 3));
        assertThat(stock.item(tea).orElseThrow().onHand()).isEqualTo(7);
        assertThat(reservation.pullEvents()).containsExactly(new ReservationDeducted(order, List.of(line(tea, 3))));
    }

    @Test
    void cancellingAnOrderThatIsNotConfirmedReleasesItsUnits() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 4));

        // when
        boolean changed = reservation.cancel(stock, NOW);

        // then
        assertThat(changed).isTrue();
        assertThat(reservation.status()).isEqualTo(Status.RELEASED);
        assertThat(stock.available(tea)).isEqualTo(10);
        assertThat(reservation.pullEvents())
                .containsExactly(new ReservationReleased(order, List.of(line(tea, 4)), ReleaseReason.ORDER_CANCELLED));
    }

    @Test
    void cancellingAConfirmedOrderRestocksItsUnits() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aDeductedReservation(order, stock, line(tea, 4));

        // when
        boolean changed = reservation.cancel(stock, NOW);

        // then
        assertThat(changed).isTrue();
        assertThat(reservation.status()).isEqualTo(Status.RESTOCKED);
        assertThat(stock.item(tea).orElseThrow().onHand()).isEqualTo(10);
        assertThat(stock.item(tea).orElseThrow().reserved()).isZero();
        assertThat(reservation.pullEvents())
                .containsExactly(new ReservationReleased(order, List.of(line(tea, 4)), ReleaseReason.RESTOCKED));
    }

    @Test
    void cancellingTwiceRestocksOnce() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aDeductedReservation(order, stock, line(tea, 4));
        reservation.cancel(stock, NOW);

        // when
        boolean changedAgain = reservation.cancel(stock, NOW);

        // then
        assertThat(changedAgain).isFalse();
        assertThat(stock.item(tea).orElseThrow().onHand()).isEqualTo(10);
    }

    @Test
    void aRepeatedRequestIsAnsweredWithTheFirstDecision() {
        // given
        Stock stock = stock(stockOf(tea, 10), stockOf(cups, 1));
        Reservation held = aHeldReservation(order, stock, line(tea, 2));
        OrderId refusedOrder = anOrder();
        Reservation refused = Reservation.place(refusedOrder, List.of(line(tea, 1), line(cups, 3)), stock, NOW, TTL);

        // when
        stock.item(cups).orElseThrow().replenish(10);

        // then
        assertThat(held.outcome()).isEqualTo(new ReservationHeld(order, List.of(line(tea, 2))));
        assertThat(refused.outcome()).isEqualTo(new ReservationRefused(refusedOrder, List.of(new Shortage(cups, 3, 1))));
    }

    @Test
    void aRepeatedRequestForStockGivenBackSinceIsAnsweredThatItWasReleased() {
        // given
        Stock stock = stock(stockOf(tea, 10));
        Reservation reservation = aHeldReservation(order, stock, line(tea, 2));
        reservation.expire(stock, NOW.plus(TTL));

        // when
        InventoryEvent answer = reservation.outcome();

        // then
        assertThat(answer).isEqualTo(new ReservationReleased(order, List.of(line(tea, 2)), ReleaseReason.EXPIRED));
    }

    @Test
    void anOrderReleasedBeforeItWasPlacedHoldsNothing() {
        // given
        Stock stock = stock(stockOf(tea, 10));

        // when
        Reservation trace = Reservation.releasedBeforePlaced(order, NOW);

        // then
        assertThat(trace.status()).isEqualTo(Status.RELEASED);
        assertThat(trace.lines()).isEmpty();
        assertThat(trace.release(stock, NOW)).isFalse();
        assertThat(trace.cancel(stock, NOW)).isFalse();
        assertThat(trace.outcome()).isEqualTo(new ReservationReleased(order, List.of(), ReleaseReason.REQUESTED));
        assertThat(trace.pullEvents()).isEmpty();
    }

    @Test
    void storedReservationsKeepTheirInvariants() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                Reservation.restore(order, Status.RESERVED, List.of(), List.of(), NOW, NOW.plus(TTL), NOW));
        assertThatIllegalArgumentException().isThrownBy(() ->
                Reservation.restore(order, Status.RESERVED, List.of(line(tea, 1)), List.of(), NOW, null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() ->
                Reservation.restore(order, Status.FAILED, List.of(line(tea, 1)), List.of(), NOW, null, NOW));
        assertThat(Reservation.restore(order, Status.DEDUCTED, List.of(line(tea, 1)), List.of(), NOW, NOW.plus(TTL), NOW)
                .productIds()).containsExactly(tea);
    }
}
