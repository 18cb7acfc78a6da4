package org.aasr.donations.api;

/**
 * What happens to donations and fundraisers, as the audit log records it. The audit page offers
 * these as its filter, so a new kind of change is added here and nowhere else.
 */
public enum DonationAction {
  DONATION_PLEDGED("donation", "Donation pledged"),
  DONATION_STARTED("donation", "Card donation started"),
  DONATION_CONFIRMED("donation", "Donation confirmed"),
  DONATION_FAILED("donation", "Donation failed"),
  DONATION_REFUNDED("donation", "Donation refunded"),
  MONTHLY_GIFT_CANCELLED("donation", "Monthly gift cancelled by the donor"),
  MONTHLY_GIFT_ENDED("donation", "Monthly gift ended at Stripe"),
  OFFLINE_GIFT_RECORDED("donation", "Offline gift recorded"),
  RECEIPT_RESENT("donation", "Receipt sent again"),
  CAMPAIGN_CREATED("campaign", "Fundraiser created"),
  CAMPAIGN_UPDATED("campaign", "Fundraiser changed"),
  CAMPAIGN_CLOSED("campaign", "Fundraiser closed"),
  CAMPAIGN_FEATURED("campaign", "Fundraiser featured");

  private final String subjectType;
  private final String label;

  DonationAction(String subjectType, String label) {
    this.subjectType = subjectType;
    this.label = label;
  }

  /** What was acted on: {@code donation} or {@code campaign}. */
  public String subjectType() {
    return subjectType;
  }

  /** The action as staff read it in the audit log's filter. */
  public String label() {
    return label;
  }
}
