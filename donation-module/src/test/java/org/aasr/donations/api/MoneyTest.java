package org.aasr.donations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");

  @ParameterizedTest
  @CsvSource({
    "25, 2500",
    "25.5, 2550",
    "25.50, 2550",
    "0.01, 1",
    ".5, 50",
    "'$1,000.50', 100050",
    "' 30 ', 3000",
    "1000000, 100000000"
  })
  void readsAmountsAsPeopleTypeThem(String text, long minor) {
    assertEquals(Money.of(minor, USD), Money.parse(text, USD));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-5|The amount must be more than zero.",
        "0|The amount must be more than zero.",
        "0.00|The amount must be more than zero.",
        "ten|Enter the amount in numbers only, for example 25 or 25.50.",
        "1e3|Enter the amount in numbers only, for example 25 or 25.50.",
        "25,5|Enter the amount in numbers only, for example 25 or 25.50.",
        "25.|Enter the amount in numbers only, for example 25 or 25.50.",
        "12.345|Use no more than 2 digits after the decimal point.",
        "99999999999|That amount is too large.",
        "1234567890123456789012345678901234567890|That amount is too large.",
        "'   '|Enter an amount."
      })
  void refusesWhatIsNotAnAmountWithAMessageThatSaysWhy(String text, String message) {
    assertEquals(
        message,
        assertThrows(InvalidAmountException.class, () -> Money.parse(text, USD)).getMessage());
  }

  @Test
  void aCurrencyWithoutCentsTakesNoDecimals() {
    assertEquals(Money.of(500, JPY), Money.parse("500", JPY));
    assertEquals(
        "Enter a whole amount, without a decimal point.",
        assertThrows(InvalidAmountException.class, () -> Money.parse("500.5", JPY)).getMessage());
  }

  @Test
  void addsExactlyWhereFloatingPointWouldNot() {
    Money sum = Money.zero(USD);
    for (int i = 0; i < 1000; i++) {
      sum = sum.plus(Money.parse("0.10", USD));
    }
    assertEquals(Money.parse("100", USD), sum);
    assertEquals(Money.parse("0.30", USD), Money.parse("0.10", USD).plus(Money.parse("0.20", USD)));
  }

  @Test
  void overflowFailsLoudlyInsteadOfWrapping() {
    assertThrows(
        ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, USD).plus(Money.of(1, USD)));
  }

  @Test
  void neverMixesCurrencies() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Money.of(1, USD).plus(Money.of(1, Currency.getInstance("CAD"))));
  }

  @Test
  void showsAmountsInTheReadersLocale() {
    Money amount = Money.of(100050, USD);
    assertEquals("$1,000.50", amount.format(Locale.US));
    assertEquals("1.000,50\u00a0$", amount.format(Locale.GERMANY));
    assertEquals("1000.50", amount.plain());
  }
}
