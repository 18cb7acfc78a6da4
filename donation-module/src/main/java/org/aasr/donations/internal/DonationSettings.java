package org.aasr.donations.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.aasr.donations.api.Money;
import org.eclipse.microprofile.config.Config;

/**
 * The donation settings, read once with MicroProfile Config (environment {@code AASR_…} or {@code
 * -Daasr.…}), with safe defaults for the one-command run. A wrong value stops the start with a
 * message naming the setting, rather than taking gifts in a currency nobody meant.
 *
 * @param currency {@code aasr.currency}: ISO 4217, default USD
 * @param minimum {@code aasr.donations.minimum}: smallest gift, default 5 (card testers try tiny
 *     amounts)
 * @param maximum {@code aasr.donations.maximum}: largest gift taken online, default 25000
 * @param feeBasisPoints {@code aasr.donations.fee.percent} (default 2.9) in hundredths of a percent
 * @param feePercent the same as written, for the form's text
 * @param feeFixed {@code aasr.donations.fee.fixed}: fixed part of the fee, default 0.30
 * @param attemptsPerAddress {@code aasr.donations.attempts.per.address}: gifts tried from one
 *     network address per window, default 10
 * @param attemptsPerEmail {@code aasr.donations.attempts.per.email}: per email address, default 5
 * @param attemptWindow {@code aasr.donations.attempts.window.minutes}, default 15
 * @param zone {@code aasr.site.timezone}: the days of a fundraiser and the receipt year
 * @param organisation {@code aasr.organisation.details}: the lines that head a receipt (name,
 *     address, tax number)
 * @param siteUrl {@code aasr.site.url}: the site's public address, for the links in emails (a
 *     monthly donor's cancel link); no trailing slash
 */
record DonationSettings(
    Currency currency,
    Money minimum,
    Money maximum,
    int feeBasisPoints,
    String feePercent,
    Money feeFixed,
    int attemptsPerAddress,
    int attemptsPerEmail,
    Duration attemptWindow,
    ZoneId zone,
    String organisation,
    String siteUrl) {

  static final String DEFAULT_ORGANISATION = "Alliance Against Seclusion & Restraint";

  /** The settings of the one-command run, in a currency. */
  static DonationSettings defaults(Currency currency) {
    return new DonationSettings(
        currency,
        Money.parse("5", currency),
        Money.parse("25000", currency),
        290,
        "2.9",
        Money.parse("0.30", currency),
        10,
        5,
        Duration.ofMinutes(15),
        ZoneId.of("America/New_York"),
        DEFAULT_ORGANISATION,
        "http://localhost:8080");
  }

  static DonationSettings from(Config config) {
    Currency currency;
    String code = text(config, "aasr.currency", "USD").toUpperCase(java.util.Locale.ROOT);
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "AASR_CURRENCY must be an ISO 4217 code such as USD or CAD, not " + code, e);
    }
    String percent = text(config, "aasr.donations.fee.percent", "2.9");
    int basisPoints;
    try {
      basisPoints = new BigDecimal(percent).movePointRight(2).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "aasr.donations.fee.percent must be a percentage with at most two decimals, not "
              + percent,
          e);
    }
    if (basisPoints < 0 || basisPoints >= 5000) {
      throw new IllegalArgumentException("aasr.donations.fee.percent must be 0 to under 50");
    }
    Money minimum = amount(config, "aasr.donations.minimum", "5", currency);
    Money maximum = amount(config, "aasr.donations.maximum", "25000", currency);
    if (maximum.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "aasr.donations.maximum must not be below aasr.donations.minimum");
    }
    String fixed = text(config, "aasr.donations.fee.fixed", "0.30");
    Money feeFixed =
        fixed.matches("0*(\\.0*)?") ? Money.zero(currency) : Money.parse(fixed, currency);
    return new DonationSettings(
        currency,
        minimum,
        maximum,
        basisPoints,
        percent,
        feeFixed,
        positive(config, "aasr.donations.attempts.per.address", 10),
        positive(config, "aasr.donations.attempts.per.email", 5),
        Duration.ofMinutes(positive(config, "aasr.donations.attempts.window.minutes", 15)),
        ZoneId.of(text(config, "aasr.site.timezone", "America/New_York")),
        text(config, "aasr.organisation.details", DEFAULT_ORGANISATION),
        text(config, "aasr.site.url", "http://localhost:8080").replaceAll("/+$", ""));
  }

  private static String text(Config config, String name, String fallback) {
    return config.getOptionalValue(name, String.class).map(String::strip).orElse(fallback);
  }

  private static Money amount(Config config, String name, String fallback, Currency currency) {
    String value = text(config, name, fallback);
    try {
      return Money.parse(value, currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static int positive(Config config, String name, int fallback) {
    int value = config.getOptionalValue(name, Integer.class).orElse(fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
    return value;
  }

  /**
   * The fee a donor covering it adds so that, once the processor takes its percentage and fixed
   * part of the whole, the gift itself arrives: {@code ceil((gift + fixed) / (1 - rate)) - gift},
   * in whole minor units, rounding up so the organisation never receives less.
   */
  Money coverFee(Money gift) {
    if (feeBasisPoints == 0 && feeFixed.isZero()) {
      return Money.zero(currency);
    }
    long numerator =
        Math.multiplyExact(Math.addExact(gift.minorUnits(), feeFixed.minorUnits()), 10_000L);
    long denominator = 10_000L - feeBasisPoints;
    long gross = Math.floorDiv(numerator + denominator - 1, denominator);
    return Money.of(gross - gift.minorUnits(), currency);
  }
}
