package dev.kaimono.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A payment method is the provider's token: letters, digits, _ and -, at most 64 characters. */
class PaymentMethodTest {

    @Test
    void keepsTheProvidersToken() {
        assertThat(new PaymentMethod("pm_card_visa").value()).isEqualTo("pm_card_visa");
        assertThat(new PaymentMethod("a".repeat(PaymentMethod.MAX_LENGTH))).hasToString("a".repeat(PaymentMethod.MAX_LENGTH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "pm card", "pm_card_visa;drop", "カード"})
    void refusesWhatIsNotAToken(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMethod(value));
    }

    @Test
    void refusesATokenLongerThanTheLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMethod("a".repeat(PaymentMethod.MAX_LENGTH + 1)))
                .withMessageContaining("up to 64");
    }
}
