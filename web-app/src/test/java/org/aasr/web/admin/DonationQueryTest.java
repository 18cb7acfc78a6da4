package org.aasr.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;
import org.junit.jupiter.api.Test;

class DonationQueryTest {

  private static final Currency USD = Currency.getInstance("USD");

  private static DonationQuery read(Map<String, String> params) {
    return DonationQuery.of(params::get, USD);
  }

  @Test
  void everyPartOfTheAddressBecomesTheFilter() {
    DonationQuery q =
        read(
            Map.of(
                "status", "PLEDGED",
                "from", "2026-11-01",
                "to", "2026-11-30",
                "campaign", "spring",
                "min", "25",
                "max", "1,000.50",
                "frequency", "MONTHLY"));

    assertEquals(
        new DonationFilter(
            DonationStatus.PLEDGED,
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-30"),
            "spring",
            2500L,
            100050L,
            Frequency.MONTHLY),
        q.filter());
    assertTrue(q.errors().isEmpty());
    assertTrue(q.queryString().contains("max=1%2C000.50"), q.queryString());
  }

  @Test
  void aPartThatDoesNotParseIsLeftOutWithAMessageForItsField() {
    DonationQuery q = read(Map.of("status", "LOST", "from", "yesterday", "min", "-5"));

    assertEquals(DonationFilter.all(), q.filter());
    assertEquals(
        Map.of(
            "status", "Choose one of the listed values.",
            "from", "Enter a date as year-month-day, e.g. 2026-12-31.",
            "min", "The amount must be more than zero."),
        q.errors());
  }

  @Test
  void aRangeTheWrongWayRoundIsRefused() {
    DonationQuery q =
        read(Map.of("from", "2026-12-31", "to", "2026-01-01", "min", "50", "max", "5"));

    assertNull(q.filter().to());
    assertNull(q.filter().maxMinor());
    assertEquals(2, q.errors().size());
  }

  @Test
  void noFilterIsAnEmptyQueryString() {
    assertEquals("", read(Map.of()).queryString());
  }
}
