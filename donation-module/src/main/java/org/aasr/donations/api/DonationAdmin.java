package org.aasr.donations.api;

import java.util.List;
import java.util.Optional;

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

  /** Every fundraiser, newest first, with what each has raised. */
  List<CampaignRow> campaigns();

  /** A fundraiser as its edit form shows it. */
  Optional<CampaignForm> campaignForm(String slug);

  /**
   * Creates or changes a fundraiser.
   *
   * @throws DonationRejectedException with a message per field at fault; nothing is stored then
   * @throws IllegalStateException when someone else changed it since it was read
   */
  CampaignForm saveCampaign(CampaignForm form);

  /**
   * Closes a fundraiser: its last day becomes yesterday, so it takes no more gifts from today on
   * (its page stays, with what was raised). Staff reopen it by setting a later end date.
   */
  void closeCampaign(String slug);

  /** Makes a fundraiser the one the home page and {@code /donate} lead with; only one is. */
  void featureCampaign(String slug);

  /** How many donations match a filter. */
  long countDonations(DonationFilter filter);

  /** One page of the donations that match a filter, newest first, paged by the database. */
  List<DonationRow> donations(DonationFilter filter, int first, int max);

  /** One donation with its donor. */
  Optional<DonationRow> donationRow(String reference);

  /** Every donation made with an email address, whatever its case, newest first. */
  List<DonationRow> donorHistory(String email);

  /**
   * Records a gift that came by cheque, cash or bank transfer: confirmed at once, with its receipt
   * number, counted towards the fundraiser, and receipted by email when an address is given.
   *
   * @throws DonationRejectedException with a message per field at fault; nothing is stored then
   */
  DonationRow recordOfflineGift(OfflineGift gift);

  /**
   * Sends a confirmed donation's receipt again, through the outbox, as it was first sent.
   *
   * @throws IllegalStateException when it has no receipt or no email address
   */
  void resendReceipt(String reference);

  /** A fundraiser's confirmed money month by month, oldest first, with the running total. */
  List<MonthTotal> monthlyTotals(String slug);

  /** Today's gifts, the pledges waiting and today's refused attempts, for the dashboard. */
  GiftsToday todaysFigures();
}
