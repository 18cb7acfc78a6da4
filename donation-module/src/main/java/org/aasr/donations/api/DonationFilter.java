package org.aasr.donations.api;

import java.time.LocalDate;

/**
 * Which donations the console's table shows; every part is optional (null for any). Dates are days
 * in the organisation's time zone, both ends included.
 *
 * @param status where they stand
 * @param from made on or after this day
 * @param to made on or before this day
 * @param campaignSlug the fundraiser's address
 * @param minMinor the smallest gift, minor units
 * @param maxMinor the largest gift, minor units
 * @param frequency one-time or monthly
 */
public record DonationFilter(
    DonationStatus status,
    LocalDate from,
    LocalDate to,
    String campaignSlug,
    Long minMinor,
    Long maxMinor,
    Frequency frequency) {

  /** Every donation. */
  public static DonationFilter all() {
    return new DonationFilter(null, null, null, null, null, null, null);
  }
}
