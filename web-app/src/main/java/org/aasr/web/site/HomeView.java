package org.aasr.web.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.PageContent;
import org.aasr.content.api.StorySummary;
import org.aasr.donations.api.CampaignInfo;
import org.aasr.donations.api.DonationService;

/**
 * The home page: in the order of the organisation's own home page, the anniversary fundraiser, the
 * mission, the explainer and the latest stories. A section whose page staff unpublish simply
 * disappears.
 */
@Named
@RequestScoped
public class HomeView {

  /** How many stories the home page lists. */
  public static final int LATEST_STORIES = 4;

  static final String FUNDRAISER_PAGE = "five-year-anniversary";
  static final String MISSION_PAGE = "mission";
  static final String EXPLAINER_PAGE = "about-seclusion-and-restraint";

  @Inject ContentService content;
  @Inject DonationService donations;

  private Optional<PageContent> fundraiser;
  private Optional<PageContent> mission;
  private Optional<PageContent> explainer;
  private List<StorySummary> latestStories;
  private Optional<CampaignInfo> campaign;

  @PostConstruct
  void load() {
    fundraiser = content.publishedPage(FUNDRAISER_PAGE);
    mission = content.publishedPage(MISSION_PAGE);
    explainer = content.publishedPage(EXPLAINER_PAGE);
    latestStories = content.homeStories(LATEST_STORIES);
    campaign = donations.featuredCampaign();
  }

  public PageContent getFundraiser() {
    return fundraiser.orElse(null);
  }

  /** The featured fundraiser's progress (raised, donors, goal), shown in the banner. */
  public CampaignInfo getCampaign() {
    return campaign.orElse(null);
  }

  public PageContent getMission() {
    return mission.orElse(null);
  }

  public PageContent getExplainer() {
    return explainer.orElse(null);
  }

  public List<StorySummary> getLatestStories() {
    return latestStories;
  }
}
