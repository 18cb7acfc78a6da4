package org.aasr.web.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.InvalidAmountException;
import org.aasr.donations.api.Money;

/**
 * The donations table's filter as the address carries it ({@code
 * /admin/donations?status=PLEDGED&from=2026-11-01}), shared by the table and the CSV export so that
 * both show the same rows. Reading it never fails: a part that does not parse is left out of the
 * filter and gets a message for its field.
 *
 * <p>Usage: {@code DonationQuery q = DonationQuery.of(request::getParameter, currency); q.filter();
 * q.errors(); q.queryString();}
 */
final class DonationQuery implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The address's parameter names, which are also the filter form's field ids. */
  static final String STATUS = "status";

  static final String FROM = "from";
  static final String TO = "to";
  static final String CAMPAIGN = "campaign";
  static final String MIN = "min";
  static final String MAX = "max";
  static final String FREQUENCY = "frequency";
  static final String[] NAMES = {STATUS, FROM, TO, CAMPAIGN, MIN, MAX, FREQUENCY};

  /** Reads one parameter by name. */
  interface Parameters {
    String get(String name);
  }

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final DonationFilter filter;

  private DonationQuery(Parameters parameters, Currency currency) {
    for (String name : NAMES) {
      String v = parameters.get(name);
      if (v != null && !v.isBlank()) {
        values.put(name, v.length() > 120 ? v.substring(0, 120) : v.strip());
      }
    }
    DonationStatus status = choice(STATUS, DonationStatus.class);
    Frequency frequency = choice(FREQUENCY, Frequency.class);
    LocalDate from = date(FROM);
    LocalDate to = date(TO);
    if (from != null && to != null && to.isBefore(from)) {
      errors.put(TO, "The last day cannot be before the first.");
      to = null;
    }
    Long min = amount(MIN, currency);
    Long max = amount(MAX, currency);
    if (min != null && max != null && max < min) {
      errors.put(MAX, "The largest amount cannot be below the smallest.");
      max = null;
    }
    filter = new DonationFilter(status, from, to, values.get(CAMPAIGN), min, max, frequency);
  }

  static DonationQuery of(Parameters parameters, Currency currency) {
    return new DonationQuery(parameters, currency);
  }

  DonationFilter filter() {
    return filter;
  }

  /** A message per field that did not parse. */
  Map<String, String> errors() {
    return errors;
  }

  /** The parameters as typed, e.g. for the filter form's fields. */
  String value(String name) {
    return values.get(name);
  }

  /** The set parameters as a query string, without {@code ?}; empty for none. */
  String queryString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private <E extends Enum<E>> E choice(String name, Class<E> type) {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.put(name, "Choose one of the listed values.");
      return null;
    }
  }

  private LocalDate date(String name) {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.put(name, "Enter a date as year-month-day, e.g. 2026-12-31.");
      return null;
    }
  }

  private Long amount(String name, Currency currency) {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    try {
      return Money.parse(v, currency).minorUnits();
    } catch (InvalidAmountException e) {
      errors.put(name, e.getMessage());
      return null;
    }
  }
}
