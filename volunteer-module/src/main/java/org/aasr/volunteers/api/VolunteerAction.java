package org.aasr.volunteers.api;

/**
 * What is done to volunteering data, as the audit log records it. The audit page offers these as
 * its filter, so a new kind of change is added here and nowhere else.
 */
public enum VolunteerAction {
  VOLUNTEER_SIGNED_UP("volunteer", "Volunteer signed up"),
  VOLUNTEER_UPDATED_SIGN_UP("volunteer", "Volunteer signed up again (details kept)"),
  VOLUNTEER_CONFIRMED("volunteer", "Volunteer confirmed their email address"),
  SHIFT_BOOKED("shift", "Shift place booked"),
  SHIFT_WAITLISTED("shift", "Waitlisted for a full shift"),
  SHIFT_CANCELLED("shift", "Shift place or waitlist cancelled"),
  SHIFT_REMINDER_SENT("shift", "Shift reminder emailed"),
  VOLUNTEER_LINK_SENT("volunteer", "Private link emailed to a volunteer"),
  VOLUNTEER_LINK_REVOKED("volunteer", "Private link revoked"),
  VOLUNTEER_DETAILS_UPDATED("volunteer", "Volunteer updated their details"),
  VOLUNTEER_DATA_EXPORTED("volunteer", "Volunteer's data exported"),
  VOLUNTEER_ERASED("volunteer", "Volunteer's personal data erased"),
  OPPORTUNITY_CREATED("opportunity", "Opportunity created"),
  OPPORTUNITY_UPDATED("opportunity", "Opportunity edited"),
  OPPORTUNITY_PUBLISHED("opportunity", "Opportunity published"),
  OPPORTUNITY_CLOSED("opportunity", "Opportunity closed"),
  SHIFT_ADDED("shift", "Shift added"),
  SHIFT_CHANGED("shift", "Shift changed"),
  SHIFT_REMOVED("shift", "Shift removed"),
  VOLUNTEER_STATUS_CHANGED("volunteer", "Volunteer's status changed (with a note)"),
  HOURS_LOGGED("volunteer", "Volunteer hours logged"),
  VOLUNTEERS_EXPORTED("volunteer", "Volunteer list exported as CSV");

  private final String subjectType;
  private final String label;

  VolunteerAction(String subjectType, String label) {
    this.subjectType = subjectType;
    this.label = label;
  }

  /** The kind of thing acted on: {@code volunteer}, {@code opportunity} or {@code shift}. */
  public String subjectType() {
    return subjectType;
  }

  /** The action as staff read it in the audit log's filter. */
  public String label() {
    return label;
  }
}
