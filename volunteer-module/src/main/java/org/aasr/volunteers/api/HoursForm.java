package org.aasr.volunteers.api;

import java.time.LocalDate;

/**
 * Time a volunteer gave, as a coordinator logs it.
 *
 * @param workedOn the day (not in the future)
 * @param minutes how long, 1 minute to 24 hours
 * @param opportunityId what it was for, or null for no opportunity in particular
 */
public record HoursForm(LocalDate workedOn, int minutes, Long opportunityId) {}
