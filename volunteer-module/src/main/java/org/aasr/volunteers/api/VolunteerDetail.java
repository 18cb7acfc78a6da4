package org.aasr.volunteers.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the console shows on a volunteer's page.
 *
 * @param row what the list shows
 * @param phone their phone, or null
 * @param availability when they are free, in their words, or null
 * @param experience lived experience they chose to tell
 * @param howHeard how they heard of us, or null
 * @param consentAt when they last agreed to be contacted
 * @param confirmedAt when they confirmed their address, or null: not to be contacted until then
 * @param notes the status workflow's history, newest first
 * @param shifts their shifts, booked or waitlisted, soonest first
 * @param hours their logged time, newest first
 * @param monthTotals their logged time per month, newest month first
 * @param totalMinutes all their logged time
 */
public record VolunteerDetail(
    VolunteerRow row,
    String phone,
    String availability,
    Set<LivedExperience> experience,
    String howHeard,
    Instant consentAt,
    Instant confirmedAt,
    List<StatusNote> notes,
    List<AssignedShift> shifts,
    List<HoursEntry> hours,
    List<MonthTotal> monthTotals,
    long totalMinutes) {

  public VolunteerDetail {
    experience = Set.copyOf(experience);
    notes = List.copyOf(notes);
    shifts = List.copyOf(shifts);
    hours = List.copyOf(hours);
    monthTotals = List.copyOf(monthTotals);
  }

  /** Their logged time as people read it. */
  public String totalDuration() {
    return Durations.describe(totalMinutes);
  }
}
