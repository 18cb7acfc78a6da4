package org.aasr.donations.api;

import java.time.YearMonth;

/**
 * What a fundraiser received in one month (confirmed money, by the day it was confirmed, refunds
 * taken out), and the running total at the month's end: the figures behind the console's chart.
 *
 * @param month the month, in the organisation's time zone
 * @param gifts how many confirmed gifts
 * @param total their sum
 * @param cumulative everything raised up to the month's end
 */
public record MonthTotal(YearMonth month, long gifts, Money total, Money cumulative) {}
