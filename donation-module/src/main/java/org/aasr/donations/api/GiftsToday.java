package org.aasr.donations.api;

/**
 * The dashboard's figures for today (the organisation's day).
 *
 * @param gifts how many gifts were confirmed today
 * @param total their sum
 * @param pledgesWaiting how many pledges wait for their money (any day)
 * @param refusedAttempts how many donation attempts the card-testing limits refused today
 */
public record GiftsToday(long gifts, Money total, long pledgesWaiting, long refusedAttempts) {}
