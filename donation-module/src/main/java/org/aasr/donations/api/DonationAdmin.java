package org.aasr.donations.api;

/**
 * What staff may do with donations. Every method asks {@link DonationStaff} first and throws a
 * {@link SecurityException} for anyone else.
 */
public interface DonationAdmin {

  /**
   * Confirms a pledge whose money has arrived: it gets its receipt number, counts towards the
   * fundraiser, and its receipt is sent.
   *
   * @throws IllegalStateException when the donation is not a pledge waiting for its money
   * @throws IllegalArgumentException when there is no such donation
   */
  DonationSummary confirmPledge(String reference);

  /**
   * Marks a confirmed donation as refunded: it no longer counts towards the fundraiser. Marking it
   * again changes nothing.
   */
  DonationSummary markRefunded(String reference);

  /** How many pledges wait for their money. */
  long pledgesWaiting();
}
