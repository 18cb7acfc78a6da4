package org.aasr.volunteers.api;

/** What became of a volunteer's request for a place on a shift. */
public enum BookingOutcome {
  /** A place was free and is theirs. */
  BOOKED,
  /** The shift was full: they are on its waitlist and get the first place that frees up. */
  WAITLISTED,
  /** They already have a place on this shift; nothing changed. */
  ALREADY_BOOKED,
  /** They are already on this shift's waitlist; nothing changed. */
  ALREADY_WAITING,
  /** The shift is closed, has started, or does not exist; nothing changed. */
  NOT_BOOKABLE,
  /** Their email address is not confirmed (or they were erased); nothing changed. */
  NOT_CONFIRMED,
  /**
   * Coordinators declined their offer to volunteer (a final status): they take no shift, whether
   * they ask through their private link or a coordinator assigns them; nothing changed.
   */
  DECLINED
}
