package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.DonationStatus;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One donation at {@code /admin/donation?ref=…}: its details, what staff may do with it now
 * (confirm a pledge whose money arrived, mark a refund, send the receipt again) and the donor's
 * other gifts, matched by email address. Each action redirects back here with a flash message.
 */
@Named
@ViewScoped
public class DonationView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DonationAdmin donations;

  private String ref;
  private DonationRow donation;
  private transient List<DonationRow> history;

  public void load() {
    donation = ref == null ? null : donations.donationRow(ref).orElse(null);
    if (donation == null) {
      ErrorPageView.sendNotFound();
    }
  }

  public void confirm() {
    act(() -> donations.confirmPledge(ref), "Pledge confirmed: its receipt is on its way.");
  }

  public void refund() {
    act(() -> donations.markRefunded(ref), "Marked as refunded: it no longer counts.");
  }

  public void resend() {
    act(() -> donations.resendReceipt(ref), "The receipt is on its way again.");
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Messages.addFlashGlobalInfo(done);
      Faces.redirect("admin/donation?ref=" + ref);
    } catch (IllegalStateException | IllegalArgumentException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public boolean isConfirmable() {
    return donation != null && donation.status() == DonationStatus.PLEDGED;
  }

  public boolean isRefundable() {
    return donation != null && donation.status() == DonationStatus.CONFIRMED;
  }

  public boolean isReceiptable() {
    return isRefundable() && donation.donorEmail() != null;
  }

  /** The donor's other donations by email address, newest first; empty without an address. */
  public List<DonationRow> getHistory() {
    if (history == null) {
      history =
          donation == null || donation.donorEmail() == null
              ? List.of()
              : donations.donorHistory(donation.donorEmail()).stream()
                  .filter(d -> !d.reference().equals(ref))
                  .toList();
    }
    return history;
  }

  public DonationRow getDonation() {
    return donation;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }
}
