package org.aasr.volunteers.api;

import java.time.YearMonth;

/**
 * The time given in one month.
 *
 * @param month the month
 * @param minutes the minutes logged on its days
 */
public record MonthTotal(YearMonth month, long minutes) {

  /** As people read it, e.g. {@code 12 h 15 min}. */
  public String duration() {
    return Durations.describe(minutes);
  }
}
