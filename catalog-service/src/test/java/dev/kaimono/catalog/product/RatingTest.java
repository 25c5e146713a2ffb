package dev.kaimono.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void theAverageHasTwoDecimalsRoundedHalfUp() {
        assertThat(Rating.of(3, 13, 1).average()).isEqualTo(new BigDecimal("4.33"));
        assertThat(Rating.of(8, 21, 1).average()).isEqualTo(new BigDecimal("2.63"));
        assertThat(Rating.of(2, 7, 1).average()).isEqualTo(new BigDecimal("3.50"));
        assertThat(Rating.of(1, 5, 1).average()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void noReviewsNoAverage() {
        assertThat(Rating.of(0, 0, 4)).isEqualTo(new Rating(0, null, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(0, BigDecimal.ONE, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(2, null, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(-1, null, 1));
    }
}
