package org.aasr.volunteers.api;

import java.util.List;

/**
 * What a volunteer sees on their private page: their details and their shifts.
 *
 * @param volunteerId their number
 * @param details their details as they gave them ({@code consent} is true: they gave it to sign up)
 * @param shifts their coming shifts, booked or waited for, soonest first
 */
public record VolunteerSelf(long volunteerId, SignUp details, List<MyShift> shifts) {

  public VolunteerSelf {
    shifts = List.copyOf(shifts);
  }
}
