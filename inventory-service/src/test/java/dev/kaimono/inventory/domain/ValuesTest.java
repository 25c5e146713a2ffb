package dev.kaimono.inventory.domain;

import static dev.kaimono.inventory.domain.InventoryMother.aProduct;
import static dev.kaimono.inventory.domain.InventoryMother.line;
import static dev.kaimono.inventory.domain.InventoryMother.stock;
import static dev.kaimono.inventory.domain.InventoryMother.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ValuesTest {

    private final ProductId tea = aProduct();
    private final ProductId cups = aProduct();

    @Test
    void identitiesNeedAValueAndPrintIt() {
        UUID value = UUID.randomUUID();

        assertThat(new ProductId(value)).hasToString(value.toString());
        assertThat(new OrderId(value)).hasToString(value.toString());
        assertThatNullPointerException().isThrownBy(() -> new ProductId(null));
        assertThatNullPointerException().isThrownBy(() -> new OrderId(null));
    }

    @Test
    void aReservationLineHasAPositiveQuantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> line(tea, 0)).withMessageContaining("positive quantity");
        assertThatIllegalArgumentException().isThrownBy(() -> line(tea, -2));
        assertThatNullPointerException().isThrownBy(() -> new ReservationLine(null, 1));
    }

    @Test
    void mergedLinesAddUpRepeatedProductsInTheOrderTheyFirstAppear() {
        // when
        List<ReservationLine> merged = ReservationLine.merged(List.of(line(cups, 1), line(tea, 2), line(cups, 3)));

        // then
        assertThat(merged).containsExactly(line(cups, 4), line(tea, 2));
    }

    @Test
    void aShortageHasLessAvailableThanRequested() {
        assertThat(new Shortage(tea, 3, 2).available()).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> new Shortage(tea, 3, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new Shortage(tea, 3, -1));
    }

    @Test
    void stockNamesTheLinesItCannotCover() {
        // given
        Stock stock = stock(stockOf(tea, 5, 3));

        // when
        List<Shortage> shortages = stock.shortagesFor(List.of(line(tea, 2), line(cups, 1)));

        // then
        assertThat(stock.available(tea)).isEqualTo(2);
        assertThat(stock.available(cups)).isZero();
        assertThat(shortages).containsExactly(new Shortage(cups, 1, 0));
    }

    @Test
    void stockHoldsOneItemPerProduct() {
        assertThatIllegalArgumentException().isThrownBy(() -> stock(stockOf(tea, 1), stockOf(tea, 2)));
        assertThat(stock(stockOf(cups, 1), stockOf(tea, 2)).items()).hasSize(2);
    }
}
