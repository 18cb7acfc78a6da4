package org.aasr.volunteers.api;

/**
 * An opportunity as the console's list shows it, drafts and closed ones included.
 *
 * @param id its number
 * @param slug its address
 * @param title its name
 * @param status draft, open or closed
 * @param where remote or in person, and where, as people read it
 * @param comingShifts how many of its shifts are still to come
 */
public record OpportunityListItem(
    long id,
    String slug,
    String title,
    OpportunityStatus status,
    String where,
    long comingShifts) {}
