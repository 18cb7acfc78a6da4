package org.aasr.volunteers.api;

/**
 * A shift a volunteer has a place on, or is waiting for, as their private page lists it.
 *
 * @param opportunitySlug the opportunity's address
 * @param opportunityTitle the opportunity's name
 * @param where where the opportunity takes place, in words
 * @param shift the shift, with its places
 * @param waiting true when the volunteer is on the waitlist, false when they have a place
 */
public record MyShift(
    String opportunitySlug,
    String opportunityTitle,
    String where,
    ShiftInfo shift,
    boolean waiting) {}
