package org.aasr.donations.api;

import java.util.Locale;
import java.util.Optional;

/** What the public pages may ask of the donation module. Needs no signed-in person. */
public interface DonationService {

  /** The fundraiser the home page and {@code /donate} lead with, if staff feature one. */
  Optional<CampaignInfo> featuredCampaign();

  /** A fundraiser by its address, if there is one. */
  Optional<CampaignInfo> campaign(String slug);

  /** The currency, the minimum and maximum gift and the fee rule. */
  DonationLimits limits();

  /** The processing fee a donor covering it adds to a gift (zero when no fee is set). */
  Money coverFee(Money gift);

  /**
   * Records a donation from the form, or returns the one this form already made: a double click or
   * a reload of the same form never makes a second donation.
   *
   * @param clientAddress the donor's network address, for the limit on attempts
   * @param locale the donor's locale, in which messages show amounts
   * @throws DonationRejectedException when a field is wrong, the fundraiser is closed or unknown,
   *     or too many attempts came from this address or email address; nothing is stored then
   */
  DonationStarted donate(DonationForm form, String clientAddress, Locale locale);

  /** A donation by its private reference, for its thank-you page. */
  Optional<DonationSummary> donation(String reference);

  /** How many attempts were refused (limits, honeypot) since the site started. */
  long refusedAttempts();
}
