package org.aasr.volunteers.api;

/**
 * A shift a volunteer has a place on, or waits for.
 *
 * @param shift the shift
 * @param opportunityTitle its opportunity's name
 * @param waitlisted true when they are on its waitlist rather than booked
 */
public record AssignedShift(ShiftInfo shift, String opportunityTitle, boolean waitlisted) {}
