package org.aasr.donations.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: whole minor units (cents) and an ISO 4217 currency.
 *
 * <p>Never a {@code double}: 0.1 + 0.2 is not 0.3 in floating point, and a fundraiser's total must
 * be exact to the cent however many gifts it adds. Arithmetic overflows loudly ({@link
 * ArithmeticException}) rather than wrapping.
 *
 * @param minorUnits the amount in the currency's smallest unit (cents for USD)
 * @param currency the currency
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /** The largest amount {@link #parse} accepts, in major units, whatever the limits staff set. */
  private static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000_000L);

  private static final int LONGEST_INPUT = 30;
  private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  /** An amount in minor units. */
  public static Money of(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /** Zero in a currency. */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Reads an amount as a person types it ("25", "25.50", "$1,000"), strictly: no sign, no letters,
   * no more decimals than the currency has, nothing absurdly large.
   *
   * @throws InvalidAmountException with a message fit to show next to the field
   */
  public static Money parse(String text, Currency currency) {
    if (text == null || text.isBlank()) {
      throw new InvalidAmountException("Enter an amount.");
    }
    String s = text.strip();
    if (s.length() > LONGEST_INPUT) {
      throw new InvalidAmountException("That amount is too large.");
    }
    String symbol = currency.getSymbol(Locale.US);
    if (s.startsWith(symbol)) {
      s = s.substring(symbol.length()).strip();
    }
    if (s.startsWith("-")) {
      throw new InvalidAmountException("The amount must be more than zero.");
    }
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    if (!PLAIN.matcher(s).matches()) {
      throw new InvalidAmountException(
          "Enter the amount in numbers only, for example 25 or 25.50.");
    }
    BigDecimal value = new BigDecimal(s);
    int digits = fractionDigits(currency);
    if (value.scale() > digits) {
      throw new InvalidAmountException(
          digits == 0
              ? "Enter a whole amount, without a decimal point."
              : "Use no more than " + digits + " digits after the decimal point.");
    }
    if (value.signum() == 0) {
      throw new InvalidAmountException("The amount must be more than zero.");
    }
    if (value.compareTo(LARGEST) > 0) {
      throw new InvalidAmountException("That amount is too large.");
    }
    return new Money(value.movePointRight(digits).longValueExact(), currency);
  }

  private static int fractionDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /** The sum; both amounts must be in one currency. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /** The difference; both amounts must be in one currency. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  /** Whether this is more than zero. */
  public boolean isPositive() {
    return minorUnits > 0;
  }

  /** Whether this is zero. */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /** The amount in major units as an exact decimal, e.g. 25.50. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
  }

  /** The amount as a person types it, without symbol or grouping, e.g. {@code 1000.50}. */
  public String plain() {
    return toDecimal().toPlainString();
  }

  /** The amount as a reader of a locale expects it, e.g. $1,000.50 or 1.000,50 $. */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(fractionDigits(currency));
    format.setMaximumFractionDigits(fractionDigits(currency));
    return format.format(toDecimal());
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Cannot combine " + currency + " with " + other.currency + ".");
    }
  }

  /** For logs and tests: {@code USD 25.50}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + plain();
  }
}
