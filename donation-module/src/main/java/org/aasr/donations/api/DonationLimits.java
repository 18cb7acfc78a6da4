package org.aasr.donations.api;

import java.util.Currency;

/**
 * What the donation form needs to say before anyone gives: the currency, the smallest and largest
 * gift taken online, and how the processing fee a donor may cover is worked out.
 *
 * @param currency the site's currency ({@code AASR_CURRENCY})
 * @param minimum the smallest gift
 * @param maximum the largest gift
 * @param feePercent the processing fee's percentage, e.g. "2.9"
 * @param feeFixed the processing fee's fixed part per gift
 */
public record DonationLimits(
    Currency currency, Money minimum, Money maximum, String feePercent, Money feeFixed) {

  /** Whether donors are offered to cover a fee at all. */
  public boolean feeOffered() {
    return feeFixed.isPositive() || !feePercent.matches("0*(\\.0*)?");
  }
}
