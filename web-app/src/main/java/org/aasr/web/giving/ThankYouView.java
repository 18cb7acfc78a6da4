package org.aasr.web.giving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.aasr.donations.api.DonationService;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.DonationSummary;
import org.aasr.web.site.ErrorPageView;

/**
 * The thank-you page, {@code /thank-you?ref={reference}}. It reads the donation's status and never
 * changes it: coming back from the card processor's page proves nothing, so a card gift shows "we
 * are confirming your gift" until the processor's signed message confirms it.
 */
@Named
@RequestScoped
public class ThankYouView {

  @Inject DonationService donations;

  private String ref;
  private DonationSummary donation;

  /** Loads the donation, or answers 404 for an unknown reference. */
  public void load() {
    NoStore.apply();
    donation = donations.donation(ref).orElse(null);
    if (donation == null) {
      ErrorPageView.sendNotFound();
    }
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public DonationSummary getDonation() {
    return donation;
  }

  public boolean isPledge() {
    return donation != null && donation.status() == DonationStatus.PLEDGED;
  }

  public boolean isConfirming() {
    return donation != null && donation.status() == DonationStatus.PENDING;
  }

  public boolean isConfirmed() {
    return donation != null && donation.status() == DonationStatus.CONFIRMED;
  }
}
