package org.aasr.volunteers.api;

/**
 * A shift with the opportunity it belongs to: for the dashboard's shifts lacking people and the
 * console's list of shifts to assign someone to.
 *
 * @param shift the shift, with its places
 * @param opportunityId the opportunity's number
 * @param opportunityTitle the opportunity's name
 */
public record ShiftNeed(ShiftInfo shift, long opportunityId, String opportunityTitle) {}
