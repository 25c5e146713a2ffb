package dev.kaimono.inventory.domain;

import static dev.kaimono.inventory.domain.InventoryMother.aProduct;
import static dev.kaimono.inventory.domain.InventoryMother.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

import dev.kaimono.inventory.domain.InventoryEvent.StockCounted;
import dev.kaimono.inventory.domain.InventoryEvent.StockDepleted;

class StockItemTest {

    private final ProductId product = aProduct();

    @Test
    void aNewProductHasNothingOnHandReservedOrAvailable() {
        // when
        StockItem item = StockItem.emptyFor(product);

        // then
        assertThat(item.productId()).isEqualTo(product);
        assertThat(item.onHand()).isZero();
        assertThat(item.reserved()).isZero();
        assertThat(item.available()).isZero();
        assertThat(item.pullEvents()).isEmpty();
    }

    @Test
    void availableIsOnHandLessReserved() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // then
        assertThat(item.available()).isEqualTo(6);
    }

    @Test
    void storedStockCannotHoldMoreThanIsOnHand() {
        assertThatIllegalArgumentException().isThrownBy(() -> StockItem.restore(product, 3, 4))
                .withMessageContaining("4 reserved of 3");
        assertThatIllegalArgumentException().isThrownBy(() -> StockItem.restore(product, 3, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> StockItem.restore(product, StockItem.MAX_ON_HAND + 1, 0));
    }

    @Test
    void aCountSetsTheUnitsOnHandAndIsRecorded() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.count(25);

        // then
        assertThat(item.onHand()).isEqualTo(25);
        assertThat(item.reserved()).isEqualTo(4);
        assertThat(item.pullEvents()).containsExactly(new StockCounted(product, 25, 21));
    }

    @Test
    void aCountBelowWhatIsReservedIsRefusedAndChangesNothing() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when / then
        assertThatExceptionOfType(StockBelowReservedException.class).isThrownBy(() -> item.count(3))
                .withMessageContaining("4 units reserved").withMessageContaining("cannot be set to 3");
        assertThat(item.onHand()).isEqualTo(10);
        assertThat(item.pullEvents()).isEmpty();
    }

    @Test
    void aCountMayEqualWhatIsReserved() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.count(4);

        // then
        assertThat(item.available()).isZero();
    }

    @Test
    void aNegativeOrHugeCountIsRefused() {
        StockItem item = stockOf(product, 10);

        assertThatIllegalArgumentException().isThrownBy(() -> item.count(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> item.count(StockItem.MAX_ON_HAND + 1));
        assertThat(item.onHand()).isEqualTo(10);
    }

    @Test
    void aCountThatLeavesNothingAvailableRecordsTheDepletion() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.count(4);

        // then
        assertThat(item.pullEvents()).containsExactly(new StockCounted(product, 4, 0), new StockDepleted(product));
    }

    @Test
    void aCountOfAProductThatHadNothingAvailableRecordsNoDepletion() {
        // given
        StockItem item = StockItem.emptyFor(product);

        // when
        item.count(0);

        // then
        assertThat(item.pullEvents()).containsExactly(new StockCounted(product, 0, 0));
    }

    @Test
    void replenishingAddsToTheUnitsOnHandAndIsRecorded() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.replenish(5);

        // then
        assertThat(item.onHand()).isEqualTo(15);
        assertThat(item.pullEvents()).containsExactly(new StockCounted(product, 15, 11));
    }

    @Test
    void replenishingNothingOrBeyondTheLimitIsRefused() {
        StockItem item = stockOf(product, StockItem.MAX_ON_HAND - 1);

        assertThatIllegalArgumentException().isThrownBy(() -> item.replenish(0));
        assertThatExceptionOfType(StockLimitExceededException.class).isThrownBy(() -> item.replenish(2))
                .withMessageContaining("adding 2 would exceed");
        assertThat(item.onHand()).isEqualTo(StockItem.MAX_ON_HAND - 1);
    }

    @Test
    void reservingHoldsUnitsThatAreNoLongerAvailable() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.reserve(5);

        // then
        assertThat(item.reserved()).isEqualTo(9);
        assertThat(item.onHand()).isEqualTo(10);
        assertThat(item.available()).isEqualTo(1);
        assertThat(item.pullEvents()).isEmpty();
    }

    @Test
    void reservingTheLastUnitsRecordsTheDepletion() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.reserve(6);

        // then
        assertThat(item.available()).isZero();
        assertThat(item.pullEvents()).containsExactly(new StockDepleted(product));
    }

    @Test
    void reservingMoreThanIsAvailableIsRefusedNamingTheShortage() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when / then
        assertThatExceptionOfType(InsufficientStockException.class).isThrownBy(() -> item.reserve(7))
                .satisfies(refused -> assertThat(refused.shortages()).containsExactly(new Shortage(product, 7, 6)));
        assertThat(item.reserved()).isEqualTo(4);
    }

    @Test
    void releasingMakesHeldUnitsAvailableAgain() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.release(3);

        // then
        assertThat(item.reserved()).isEqualTo(1);
        assertThat(item.available()).isEqualTo(9);
    }

    @Test
    void releasingMoreThanIsHeldIsRefused() {
        StockItem item = stockOf(product, 10, 4);

        assertThatIllegalStateException().isThrownBy(() -> item.release(5));
        assertThat(item.reserved()).isEqualTo(4);
    }

    @Test
    void deductingTakesHeldUnitsOffTheStockOnHand() {
        // given
        StockItem item = stockOf(product, 10, 4);

        // when
        item.deduct(3);

        // then
        assertThat(item.onHand()).isEqualTo(7);
        assertThat(item.reserved()).isEqualTo(1);
        assertThat(item.available()).isEqualTo(6);
    }

    @Test
    void deductingMoreThanIsHeldIsRefused() {
        StockItem item = stockOf(product, 10, 4);

        assertThatIllegalStateException().isThrownBy(() -> item.deduct(5));
        assertThat(item.onHand()).isEqualTo(10);
    }

    @Test
    void restockingPutsUnitsBackOnHand() {
        // given
        StockItem item = stockOf(product, 7, 1);

        // when
        item.restock(3);

        // then
        assertThat(item.onHand()).isEqualTo(10);
        assertThat(item.available()).isEqualTo(9);
    }

    @Test
    void eventsArePulledOnce() {
        // given
        StockItem item = stockOf(product, 1);
        item.replenish(1);

        // when
        var first = item.pullEvents();

        // then
        assertThat(first).containsExactly(new StockCounted(product, 2, 2));
        assertThat(item.pullEvents()).isEmpty();
    }
}
