package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.content.api.ContentEditors;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryListItem;

/**
 * The console's front page: what needs the signed-in person's attention, by their roles. For
 * editors, the stories still in draft or scheduled. Later issues add pending donations, new
 * volunteers and story submissions here.
 */
@Named
@RequestScoped
public class DashboardView {

  /** How many items a list on the dashboard shows. */
  static final int ITEMS = 10;

  @Inject ContentEditors editors;
  @Inject StoryAdmin content;

  private List<StoryListItem> unpublished;

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
}
