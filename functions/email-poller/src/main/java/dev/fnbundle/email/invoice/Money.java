package dev.fnbundle.email.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money as a decimal, never a float.
 *
 * @param amount   non-negative, scale 2
 * @param currency the ISO 4217 code, or null when the text names no currency next to the amount
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The amount as a plain decimal string with two decimals, e.g. {@code 1234.50}.
     *
     * @return never null
     */
    public String amountText() {
        return amount.toPlainString();
    }
}
