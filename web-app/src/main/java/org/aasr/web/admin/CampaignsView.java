package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.aasr.donations.api.CampaignRow;
import org.aasr.donations.api.DonationAdmin;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The fundraisers at {@code /admin/campaigns}: what each has raised, whether it is open, which one
 * the home page leads with; closing one and featuring another are row buttons, each followed by a
 * redirect with a flash message (Post-Redirect-Get).
 */
@Named
@ViewScoped
public class CampaignsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DonationAdmin donations;

  private transient List<CampaignRow> campaigns;

  public List<CampaignRow> getCampaigns() {
    if (campaigns == null) {
      campaigns = donations.campaigns();
    }
    return campaigns;
  }

  public void feature(CampaignRow campaign) {
    try {
      donations.featureCampaign(campaign.slug());
      Messages.addFlashGlobalInfo("\"{0}\" now leads the home page.", campaign.name());
      Faces.redirect("admin/campaigns");
    } catch (IllegalArgumentException | IllegalStateException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public void close(CampaignRow campaign) {
    try {
      donations.closeCampaign(campaign.slug());
      Messages.addFlashGlobalInfo(
          "\"{0}\" is closed: it takes no more gifts. Set a later last day to reopen it.",
          campaign.name());
      Faces.redirect("admin/campaigns");
    } catch (IllegalArgumentException | IllegalStateException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }
}
