package org.aasr.volunteers.api;

/**
 * A volunteer's rights over their data, exercised by staff in the console for them (the volunteer
 * does the same through their {@link VolunteerPrivateLink}). Every method asks the {@link
 * VolunteerStaff} port first and throws a {@link SecurityException} when the caller may not
 * coordinate volunteers. Both are audited with the staff member's name and the volunteer's number.
 */
public interface VolunteerPrivacy {

  /**
   * Everything the module holds about a volunteer, as a JSON document: their details, consent and
   * confirmation times, status and the coordinators' notes on it, shifts booked and waited for,
   * reminders sent, hours logged, and the links sent to them (when, and whether used or revoked;
   * never a token).
   *
   * @throws SecurityException when the caller may not coordinate volunteers
   * @throws IllegalArgumentException when there is no such volunteer, or they were erased
   */
  String exportJson(long volunteerId);

  /**
   * Erases a volunteer's personal data everywhere in this module: their name, address, phone,
   * place, skills, availability, how they heard of us, interests and lived experience, their
   * bookings (a coming shift's place goes to the first waiting person) and waitlist places, the
   * coordinators' notes about them, and every link sent to them. Their row stays, anonymous, with
   * the hours logged for them, so that counts and hour totals stay true. Erasing twice changes
   * nothing the second time.
   *
   * @throws SecurityException when the caller may not coordinate volunteers
   * @throws IllegalArgumentException when there is no such volunteer
   */
  void erase(long volunteerId);
}
