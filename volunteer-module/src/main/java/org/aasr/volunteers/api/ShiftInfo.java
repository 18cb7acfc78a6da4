package org.aasr.volunteers.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A shift of an opportunity.
 *
 * @param id its number
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the zone of the place where it happens, in which its times are shown
 * @param capacity how many people it needs
 * @param taken how many places are booked
 */
public record ShiftInfo(
    long id, Instant startsAt, Instant endsAt, ZoneId timeZone, int capacity, int taken) {

  /** The places still free; zero when the shift is full. */
  public int placesLeft() {
    return Math.max(0, capacity - taken);
  }

  /** Whether every place is booked (a visitor may then join the waitlist). */
  public boolean full() {
    return placesLeft() == 0;
  }

  /** The start in the shift's own time zone. */
  public ZonedDateTime localStart() {
    return startsAt.atZone(timeZone);
  }

  /** The end in the shift's own time zone. */
  public ZonedDateTime localEnd() {
    return endsAt.atZone(timeZone);
  }
}
