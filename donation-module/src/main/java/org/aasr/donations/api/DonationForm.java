package org.aasr.donations.api;

/**
 * A donation form as the donor filled it in, every field as typed (the service checks them all and
 * names the field of each problem, so that the page can show the message next to it and keep what
 * was typed).
 *
 * @param campaign the fundraiser's slug
 * @param formKey the key the form was given when it was shown: the same key twice (a double click,
 *     a reload) is the same donation, never a second one
 * @param amount a suggested amount in minor units as the radio button sends it, or {@link
 *     #OTHER_AMOUNT}
 * @param otherAmount the amount typed when {@code amount} is {@link #OTHER_AMOUNT}
 * @param frequency {@code ONE_TIME} or {@code MONTHLY}
 * @param name the donor's name (for the receipt; never shown publicly)
 * @param email where the receipt goes
 * @param dedication {@code NONE}, {@code HONOUR} or {@code MEMORY}
 * @param dedicatedTo whom the gift honours
 * @param notifyEmail optional: someone to tell of the dedication
 * @param anonymous the donor asks not to be named, even to other donors
 * @param coverFee the donor adds the processing fee so the whole gift reaches the organisation
 * @param newsOptIn the donor asks for news by email (separate from the receipt)
 * @param honeypot a field people never see; only robots fill it in
 */
public record DonationForm(
    String campaign,
    String formKey,
    String amount,
    String otherAmount,
    String frequency,
    String name,
    String email,
    String dedication,
    String dedicatedTo,
    String notifyEmail,
    boolean anonymous,
    boolean coverFee,
    boolean newsOptIn,
    String honeypot) {

  /** The value of {@code amount} that means "the amount I typed". */
  public static final String OTHER_AMOUNT = "other";

  /** Field names, as {@link DonationRejectedException#errors()} keys them. */
  public static final String FIELD_FORM = "form",
      FIELD_CAMPAIGN = "campaign",
      FIELD_AMOUNT = "amount",
      FIELD_OTHER_AMOUNT = "otherAmount",
      FIELD_FREQUENCY = "frequency",
      FIELD_NAME = "name",
      FIELD_EMAIL = "email",
      FIELD_DEDICATION = "dedication",
      FIELD_DEDICATED_TO = "dedicatedTo",
      FIELD_NOTIFY_EMAIL = "notifyEmail";
}
