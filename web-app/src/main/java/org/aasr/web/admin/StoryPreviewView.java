package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryForm;
import org.aasr.web.site.ErrorPageView;

/**
 * A story as visitors will read it, drafts and scheduled ones included, at {@code
 * /admin/preview?id=N} (editors).
 */
@Named
@RequestScoped
public class StoryPreviewView {

  @Inject StoryAdmin content;

  private Long id;
  private StoryForm story;

  public void load() {
    story = id == null ? null : content.story(id).orElse(null);
    if (story == null) {
      // There is no such story.
      ErrorPageView.sendNotFound();
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public StoryForm getStory() {
    return story;
  }
}
