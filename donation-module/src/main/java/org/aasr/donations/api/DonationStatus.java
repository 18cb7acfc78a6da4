package org.aasr.donations.api;

/**
 * Where a donation stands. Only {@link #CONFIRMED} money counts towards a fundraiser's total.
 *
 * <ul>
 *   <li>{@link #PLEDGED}: promised by cheque or bank transfer; staff confirm it when it arrives.
 *   <li>{@link #PENDING}: sent to the card processor; waiting for its signed confirmation.
 *   <li>{@link #CONFIRMED}: the money arrived (a verified webhook, or staff for a pledge).
 *   <li>{@link #FAILED}: the payment did not go through, or the pledge was given up.
 *   <li>{@link #REFUNDED}: given back; no longer counted.
 * </ul>
 */
public enum DonationStatus {
  PLEDGED("Pledged, waiting for the money"),
  PENDING("Waiting for confirmation"),
  CONFIRMED("Confirmed"),
  FAILED("Failed"),
  REFUNDED("Refunded");

  private final String label;

  DonationStatus(String label) {
    this.label = label;
  }

  /** As staff and donors read it. */
  public String label() {
    return label;
  }
}
