package dev.kaimono.catalog.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a product costs: a positive amount in an ISO-4217 currency, with no more decimals than the
 * currency has minor units (none for JPY, two for EUR, three for KWD), at most {@link #MAXIMUM}. The
 * amount is kept at the currency's scale, so {@code 12.5 EUR} is {@code 12.50}.
 */
public record Price(BigDecimal amount, Currency currency) {

    /** Far above any shop price in any currency, far below anything that could overflow downstream. */
    public static final BigDecimal MAXIMUM = new BigDecimal("999999999");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        String problem = amountProblem(amount, currency);
        if (problem != null) {
            throw new IllegalArgumentException("A price amount " + problem + ": " + amount + " " + currency);
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    /** Reads a price as it arrives on the wire; refuses it naming {@code price} or {@code currency}. */
    public static Price of(String amount, String currencyCode) {
        List<FieldProblem> problems = problems(amount, currencyCode);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Price(new BigDecimal(amount.strip()), Currency.getInstance(currencyCode.strip()));
    }

    /**
     * Everything wrong with an amount and currency as sent (e.g. {@code "12.50"}, {@code "EUR"}).
     * Missing values are not reported here: a request's own validation names them.
     */
    public static List<FieldProblem> problems(String amount, String currencyCode) {
        List<FieldProblem> problems = new ArrayList<>();
        Currency currency = null;
        if (currencyCode != null && !currencyCode.isBlank()) {
            currency = currency(currencyCode.strip());
            if (currency == null) {
                problems.add(new FieldProblem("currency", "must be an ISO-4217 currency code such as JPY or EUR"));
            }
        }
        if (amount != null && !amount.isBlank()) {
            if (!DECIMAL.matcher(amount.strip()).matches()) {
                problems.add(new FieldProblem("price", "must be a decimal number such as 1280 or 12.50"));
            } else {
                BigDecimal value = new BigDecimal(amount.strip());
                String problem = currency == null ? rangeProblem(value) : amountProblem(value, currency);
                if (problem != null) {
                    problems.add(new FieldProblem("price", problem));
                }
            }
        }
        return problems;
    }

    private static Currency currency(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String amountProblem(BigDecimal amount, Currency currency) {
        String range = rangeProblem(amount);
        if (range != null) {
            return range;
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            return digits == 0
                    ? "must be a whole number in " + currency.getCurrencyCode()
                    : "must have at most %d decimals in %s".formatted(digits, currency.getCurrencyCode());
        }
        return null;
    }

    private static String rangeProblem(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return "must be greater than 0";
        }
        if (amount.compareTo(MAXIMUM) > 0) {
            return "must be at most " + MAXIMUM.toPlainString();
        }
        return null;
    }

    /** The amount as it goes on the wire: a plain decimal string, e.g. {@code "1280"} or {@code "12.50"}. */
    public String amountText() {
        return amount.toPlainString();
    }
}
