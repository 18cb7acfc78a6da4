package org.aasr.donations.api;

/**
 * A gift that arrived outside the site (a cheque, cash, a bank transfer), as staff record it; every
 * field as typed.
 *
 * @param campaignSlug the fundraiser it goes to
 * @param amount the amount in major units, e.g. "120.00"
 * @param method how it came
 * @param donorName who gave it
 * @param donorEmail their email address, for the receipt; empty for none
 * @param receivedOn the day it arrived (ISO date), empty for today
 */
public record OfflineGift(
    String campaignSlug,
    String amount,
    OfflineMethod method,
    String donorName,
    String donorEmail,
    String receivedOn) {

  /** Field names, as {@link DonationRejectedException#errors()} keys them. */
  public static final String FIELD_CAMPAIGN = "campaign";

  public static final String FIELD_AMOUNT = "amount";
  public static final String FIELD_METHOD = "method";
  public static final String FIELD_NAME = "donor-name";
  public static final String FIELD_EMAIL = "donor-email";
  public static final String FIELD_RECEIVED = "received-on";
}
