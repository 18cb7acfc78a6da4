package org.aasr.donations.api;

import java.time.LocalDate;

/**
 * A fundraiser in the console's list.
 *
 * @param slug its address
 * @param name its name
 * @param goal its target, or null
 * @param raised confirmed money, refunds taken out
 * @param gifts how many confirmed gifts
 * @param startDate first day, or null
 * @param endDate last day, or null
 * @param open whether it takes gifts today
 * @param featured whether the home page leads with it
 */
public record CampaignRow(
    String slug,
    String name,
    Money goal,
    Money raised,
    long gifts,
    LocalDate startDate,
    LocalDate endDate,
    boolean open,
    boolean featured) {}
