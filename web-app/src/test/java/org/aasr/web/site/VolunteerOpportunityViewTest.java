package org.aasr.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.aasr.volunteers.api.ShiftInfo;
import org.junit.jupiter.api.Test;

/** How a shift's day, hours and places read on an opportunity's page. */
class VolunteerOpportunityViewTest {

  private final VolunteerOpportunityView view = new VolunteerOpportunityView();

  private static ShiftInfo shift(String start, String end, String zone, int capacity, int taken) {
    return new ShiftInfo(
        1, Instant.parse(start), Instant.parse(end), ZoneId.of(zone), capacity, taken);
  }

  @Test
  void aShiftReadsInTheTimeZoneOfWhereItHappensAndSaysWhichZone() {
    ShiftInfo shift =
        shift("2026-12-12T15:00:00Z", "2026-12-12T18:00:00Z", "America/New_York", 5, 2);

    assertEquals("Saturday, December 12, 2026", view.day(shift));
    assertEquals("10:00 AM to 1:00 PM EST (America/New York)", view.hours(shift));
  }

  @Test
  void aShiftPastMidnightGivesTheDayItEnds() {
    ShiftInfo shift =
        shift("2026-07-01T03:00:00Z", "2026-07-01T08:00:00Z", "America/Vancouver", 5, 0);

    assertEquals("Tuesday, June 30, 2026", view.day(shift));
    assertEquals(
        "8:00 PM to Wednesday, July 1, 2026, 1:00 AM PDT (America/Vancouver)", view.hours(shift));
  }

  @Test
  void placesLeftReadAsWords() {
    assertEquals(
        "3 places left",
        view.placesLeft(shift("2026-12-12T15:00:00Z", "2026-12-12T18:00:00Z", "UTC", 5, 2)));
    assertEquals(
        "1 place left",
        view.placesLeft(shift("2026-12-12T15:00:00Z", "2026-12-12T18:00:00Z", "UTC", 5, 4)));
    assertEquals(
        "Full",
        view.placesLeft(shift("2026-12-12T15:00:00Z", "2026-12-12T18:00:00Z", "UTC", 5, 5)));
  }
}
