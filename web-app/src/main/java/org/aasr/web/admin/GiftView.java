package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.aasr.donations.api.CampaignRow;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.OfflineGift;
import org.aasr.donations.api.OfflineMethod;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Recording a gift that came by cheque, cash or bank transfer, at {@code /admin/gift}: it is
 * confirmed at once, gets its receipt number, counts towards the fundraiser, and its receipt is
 * emailed when an address is given. Then the donation's page opens.
 */
@Named
@ViewScoped
public class GiftView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DonationAdmin donations;

  private transient List<CampaignRow> campaigns;

  @NotBlank(message = "Choose a fundraiser.")
  private String campaign;

  @NotBlank(message = "Enter an amount.")
  @Size(max = 30, message = "That amount is too large.")
  private String amount;

  @NotNull(message = "Say how the gift came.")
  private OfflineMethod method;

  @NotBlank(message = "Give the donor's name.")
  @Size(max = 200, message = "A name has at most 200 characters.")
  private String donorName;

  @Email(message = "Enter an email address like name@example.org, or none.")
  @Size(max = 254, message = "An email address has at most 254 characters.")
  private String donorEmail;

  private String receivedOn;

  public void record() {
    try {
      DonationRow saved =
          donations.recordOfflineGift(
              new OfflineGift(campaign, amount, method, donorName, donorEmail, receivedOn));
      Messages.addFlashGlobalInfo(
          "Gift recorded and confirmed, receipt {0}{1}.",
          saved.receiptNumber(), saved.donorEmail() == null ? "" : ", emailed to the donor");
      Faces.redirect("admin/donation?ref=" + saved.reference());
    } catch (DonationRejectedException e) {
      e.errors().forEach((field, message) -> Messages.addError("gift-form:" + field, message));
      Messages.addGlobalError("Nothing was recorded: please correct the fields marked below.");
    }
  }

  public List<CampaignRow> getCampaigns() {
    if (campaigns == null) {
      campaigns = donations.campaigns();
    }
    return campaigns;
  }

  public OfflineMethod[] getMethods() {
    return OfflineMethod.values();
  }

  public String getCampaign() {
    return campaign;
  }

  public void setCampaign(String campaign) {
    this.campaign = campaign;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public OfflineMethod getMethod() {
    return method;
  }

  public void setMethod(OfflineMethod method) {
    this.method = method;
  }

  public String getDonorName() {
    return donorName;
  }

  public void setDonorName(String donorName) {
    this.donorName = donorName;
  }

  public String getDonorEmail() {
    return donorEmail;
  }

  public void setDonorEmail(String donorEmail) {
    this.donorEmail = donorEmail;
  }

  public String getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(String receivedOn) {
    this.receivedOn = receivedOn;
  }
}
