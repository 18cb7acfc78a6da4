package org.aasr.donations.api;

/**
 * A fundraiser as staff edit it in the console: every field as typed, so that a form sent back with
 * a mistake keeps what was written. Amounts are in major units ("2500.00", "25, 50, 100").
 *
 * @param isNew whether this makes a new fundraiser (its address is then free to choose)
 * @param version the version read, so that two people's edits never silently overwrite each other
 * @param slug its address in {@code /fundraisers/{slug}}; made from the name when left empty
 * @param name its name
 * @param description what it is for, plain text
 * @param goal the target, or empty for none
 * @param startDate the first day it takes gifts (ISO date), or empty
 * @param endDate the last day it takes gifts (ISO date), or empty
 * @param suggestedAmounts the amounts the donate form offers, separated by commas
 * @param pledgeInstructions how to send a pledged gift
 * @param receiptText the acknowledgement wording the receipt carries
 * @param featured whether the home page leads with it (read only here: see {@link
 *     DonationAdmin#featureCampaign})
 */
public record CampaignForm(
    boolean isNew,
    int version,
    String slug,
    String name,
    String description,
    String goal,
    String startDate,
    String endDate,
    String suggestedAmounts,
    String pledgeInstructions,
    String receiptText,
    boolean featured) {

  /** Field names, as {@link DonationRejectedException#errors()} keys them. */
  public static final String FIELD_SLUG = "slug";

  public static final String FIELD_NAME = "name";
  public static final String FIELD_DESCRIPTION = "description";
  public static final String FIELD_GOAL = "goal";
  public static final String FIELD_START = "start-date";
  public static final String FIELD_END = "end-date";
  public static final String FIELD_AMOUNTS = "suggested-amounts";
  public static final String FIELD_INSTRUCTIONS = "pledge-instructions";
  public static final String FIELD_RECEIPT = "receipt-text";

  /** The same form with other suggested amounts. */
  public CampaignForm withAmounts(String amounts) {
    return new CampaignForm(
        isNew,
        version,
        slug,
        name,
        description,
        goal,
        startDate,
        endDate,
        amounts,
        pledgeInstructions,
        receiptText,
        featured);
  }

  /** The same form with another goal. */
  public CampaignForm withGoal(String newGoal) {
    return new CampaignForm(
        isNew,
        version,
        slug,
        name,
        description,
        newGoal,
        startDate,
        endDate,
        suggestedAmounts,
        pledgeInstructions,
        receiptText,
        featured);
  }
}
