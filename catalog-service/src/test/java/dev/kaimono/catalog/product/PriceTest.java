package dev.kaimono.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void yenPricesAreWholeNumbers() {
        Price price = Price.of("1280", "JPY");

        assertThat(price.amountText()).isEqualTo("1280");
        assertThat(price.currency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void amountsAreKeptAtTheCurrencysScale() {
        assertThat(Price.of("12.5", "EUR").amountText()).isEqualTo("12.50");
        assertThat(Price.of("1280.00", "JPY").amountText()).isEqualTo("1280");
        assertThat(Price.of("1.234", "KWD").amountText()).isEqualTo("1.234");
    }

    @Test
    void refusesDecimalsTheCurrencyDoesNotHave() {
        assertThat(Price.problems("1280.5", "JPY"))
                .containsExactly(new FieldProblem("price", "must be a whole number in JPY"));
        assertThat(Price.problems("12.505", "EUR"))
                .containsExactly(new FieldProblem("price", "must have at most 2 decimals in EUR"));
    }

    @Test
    void refusesZeroNegativeAndHugeAmounts() {
        assertThat(Price.problems("0", "JPY")).extracting(FieldProblem::message).containsExactly("must be greater than 0");
        assertThat(Price.problems("-1", "JPY")).extracting(FieldProblem::message).containsExactly("must be greater than 0");
        assertThat(Price.problems("1000000000", "JPY")).extracting(FieldProblem::message)
                .containsExactly("must be at most 999999999");
    }

    @Test
    void refusesAmountsThatAreNotPlainDecimals() {
        for (String amount : new String[] {"abc", "1e3", "12,50", "١٢", "+5", ".5", "5."}) {
            assertThat(Price.problems(amount, "EUR")).as(amount)
                    .containsExactly(new FieldProblem("price", "must be a decimal number such as 1280 or 12.50"));
        }
    }

    @Test
    void refusesUnknownAndNonMonetaryCurrencies() {
        for (String currency : new String[] {"jpy", "YEN", "ABC", "XAU", "JP"}) {
            assertThat(Price.problems("100", currency)).as(currency)
                    .containsExactly(new FieldProblem("currency", "must be an ISO-4217 currency code such as JPY or EUR"));
        }
    }

    @Test
    void namesBothFieldsWhenBothAreWrong() {
        assertThat(Price.problems("-5", "???")).extracting(FieldProblem::field).containsExactly("currency", "price");
    }

    @Test
    void leavesMissingValuesToTheRequestsOwnValidation() {
        assertThat(Price.problems(null, " ")).isEmpty();
    }

    @Test
    void ofNamesTheFieldWhenItRefuses() {
        assertThatThrownBy(() -> Price.of("-1", "JPY"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, exception -> assertThat(exception.problems())
                        .containsExactly(new FieldProblem("price", "must be greater than 0")));
    }

    @Test
    void theConstructorGuardsTheSameRules() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Price(new BigDecimal("0.5"), Currency.getInstance("JPY")))
                .withMessageContaining("must be a whole number in JPY");
    }
}
