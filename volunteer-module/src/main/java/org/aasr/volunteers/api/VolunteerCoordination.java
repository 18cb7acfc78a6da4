package org.aasr.volunteers.api;

import java.util.List;
import java.util.Optional;

/**
 * What volunteer coordinators (and administrators) do in the console: opportunities and their
 * shifts, the volunteers' pipeline, assignments and hours.
 *
 * <p>Every method asks {@link VolunteerStaff} first and throws a {@link SecurityException} when
 * nobody who may coordinate volunteers is signed in, whatever page called it. Every change fires a
 * {@link VolunteerChanged} event in its transaction (the audit log records it with the change, or
 * neither is kept). A change that is not acceptable throws a {@link CoordinationRejectedException}
 * with a message by field, and stores nothing.
 *
 * <p>Two rules hold whatever happens at the same moment: a shift's capacity never drops below the
 * places taken on it (the change is a conditional UPDATE of the shift row, the same row a booking
 * locks), and a volunteer who has not confirmed their email address is never assigned nor emailed.
 */
public interface VolunteerCoordination {

  // Opportunities and shifts.

  /** Every opportunity, drafts and closed ones included: drafts first, then open, then closed. */
  List<OpportunityListItem> opportunities();

  /** An opportunity as the edit form shows it. */
  Optional<OpportunityForm> opportunity(long id);

  /**
   * Creates an opportunity (as a draft) or changes one ({@code form.id()} null or not).
   *
   * @return it as saved: its address and new version
   */
  OpportunityForm saveOpportunity(OpportunityForm form);

  /** Shows a draft or closed opportunity to visitors (status OPEN). */
  void publish(long opportunityId);

  /** Stops offering an opportunity (status CLOSED): visitors no longer see it nor book it. */
  void close(long opportunityId);

  /** An opportunity's shifts, past ones included, soonest first. */
  List<ShiftInfo> shifts(long opportunityId);

  /** Adds a shift to an opportunity. */
  ShiftInfo addShift(long opportunityId, ShiftForm form);

  /**
   * Changes a shift's times, time zone and capacity. A capacity below the places already taken is
   * refused (field {@code capacity}), even when a booking takes a place at the same moment. Places
   * that a larger capacity frees go to the first on the waitlist, who are emailed.
   */
  ShiftInfo changeShift(long shiftId, ShiftForm form);

  /** Removes a shift that nobody has a place on or waits for; otherwise refuses and says why. */
  void removeShift(long shiftId);

  /** Coming shifts of open opportunities that still have places (or a waitlist): to assign. */
  List<ShiftNeed> comingShifts();

  /**
   * Shifts starting within the coming {@code days} days, of open opportunities, with places left:
   * soonest first.
   */
  List<ShiftNeed> shiftsLackingPeople(int days);

  // Volunteers.

  /** A page of volunteers matching the filter, newest sign-up first (erased ones left out). */
  List<VolunteerRow> volunteers(VolunteerFilter filter, int first, int max);

  /** How many volunteers {@link #volunteers} pages through. */
  long countVolunteers(VolunteerFilter filter);

  /**
   * Confirmed volunteers still in status NEW, oldest first: the sign-ups waiting for a first
   * contact.
   */
  List<VolunteerRow> waitingForContact(int max);

  /** Everything about one volunteer, or empty when there is none (or they were erased). */
  Optional<VolunteerDetail> volunteer(long id);

  /**
   * Moves a volunteer along the workflow ({@link VolunteerStatus#next()}) with a note, kept in the
   * history. Refused (field {@code status}) for a move the workflow does not allow, or to contact
   * someone who has not confirmed their address; refused (field {@code note}) without a note.
   */
  void changeStatus(long volunteerId, VolunteerStatus to, String note);

  /**
   * Gives a volunteer a place on a shift (or a place on its waitlist when it is full), as booking
   * does, and emails them when they got the place. A volunteer who has not confirmed their address
   * gets {@link BookingOutcome#NOT_CONFIRMED}: no place, no email.
   */
  BookingOutcome assign(long volunteerId, long shiftId);

  /**
   * Cancels a volunteer's place on a shift, or takes them off its waitlist, as a cancellation by
   * the volunteer does: a freed place goes to the first person waiting, who is emailed.
   *
   * @return whether they had a place or were waiting
   */
  boolean unassign(long volunteerId, long shiftId);

  /** Logs time a volunteer gave. */
  void logHours(long volunteerId, HoursForm form);

  /**
   * Everyone's logged time per month, for the {@code months} latest months (this one included),
   * newest first; the hours of erased volunteers still count.
   */
  List<MonthTotal> hoursByMonth(int months);

  /**
   * The volunteers matching the filter as CSV (UTF-8 text, a header row, one row each), with every
   * cell that a spreadsheet would read as a formula made plain text. The export is audited.
   */
  String exportCsv(VolunteerFilter filter);
}
