package org.aasr.web.giving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.aasr.donations.api.CampaignInfo;
import org.aasr.donations.api.DonationService;
import org.aasr.web.site.ErrorPageView;
import org.aasr.web.site.Routes;

/** A fundraiser's page, {@code /fundraisers/{slug}}: what it is for and how far it has come. */
@Named
@RequestScoped
public class FundraiserView {

  @Inject DonationService donations;

  private String slug;
  private CampaignInfo campaign;

  /** Loads the fundraiser named by the URL, or answers 404. */
  public void load() {
    campaign = Routes.isSlug(slug) ? donations.campaign(slug).orElse(null) : null;
    if (campaign == null) {
      ErrorPageView.sendNotFound();
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public CampaignInfo getCampaign() {
    return campaign;
  }
}
