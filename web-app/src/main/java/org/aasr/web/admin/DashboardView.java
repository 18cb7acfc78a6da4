package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.content.api.ContentEditors;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryListItem;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationStaff;
import org.aasr.donations.api.GiftsToday;

/**
 * The console's front page: what needs the signed-in person's attention, by their roles. For
 * editors, the stories still in draft or scheduled. For fundraising staff and administrators,
 * today's gifts, the pledges waiting for their money and today's refused donation attempts; no one
 * else is shown a donor figure (the module refuses them too). Later issues add new volunteers and
 * story submissions here.
 */
@Named
@RequestScoped
public class DashboardView {

  /** How many items a list on the dashboard shows. */
  static final int ITEMS = 10;

  @Inject ContentEditors editors;
  @Inject StoryAdmin content;

  @Inject DonationStaff fundraisers;
  @Inject DonationAdmin donations;

  private List<StoryListItem> unpublished;
  private GiftsToday today;

  public boolean isEditor() {
    return editors.currentEditor().isPresent();
  }

  /** Drafts and scheduled stories, for editors; empty for everyone else. */
  public List<StoryListItem> getUnpublishedStories() {
    if (unpublished == null) {
      unpublished = isEditor() ? content.unpublishedStories(ITEMS) : List.of();
    }
    return unpublished;
  }

  public boolean isFundraiser() {
    return fundraisers.currentFundraiser().isPresent();
  }

  /** Today's donation figures, for fundraising staff; null for everyone else. */
  public GiftsToday getToday() {
    if (today == null && isFundraiser()) {
      today = donations.todaysFigures();
    }
    return today;
  }
}
