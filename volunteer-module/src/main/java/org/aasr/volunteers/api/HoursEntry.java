package org.aasr.volunteers.api;

import java.time.LocalDate;

/**
 * Time a volunteer gave, as logged by a coordinator.
 *
 * @param id its number
 * @param workedOn the day
 * @param minutes how long
 * @param opportunityTitle what it was for, or null when for no opportunity in particular
 * @param loggedBy the staff member who logged it
 */
public record HoursEntry(
    long id, LocalDate workedOn, int minutes, String opportunityTitle, String loggedBy) {

  /** As people read it, e.g. {@code 2 h 30 min}. */
  public String duration() {
    return Durations.describe(minutes);
  }
}
