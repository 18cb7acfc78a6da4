package org.aasr.volunteers.api;

import java.time.Instant;

/**
 * One step of a volunteer's status workflow, with the coordinator's note: the history is kept.
 *
 * @param at when
 * @param author the staff member who made it
 * @param from the status before
 * @param to the status after
 * @param note what the coordinator wrote (plain text)
 */
public record StatusNote(
    Instant at, String author, VolunteerStatus from, VolunteerStatus to, String note) {}
