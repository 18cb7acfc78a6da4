package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.StoryDetail;
import org.omnifaces.util.Faces;

/** One story, at {@code /stories/{slug}}. */
@Named
@RequestScoped
public class StoryView {

  @Inject ContentService content;

  private String slug;
  private StoryDetail story;

  /**
   * Loads the story named by the URL. A story's former address redirects (301) to its current one;
   * an address no published story has, or had, answers 404.
   */
  public void load() {
    story = Routes.isSlug(slug) ? content.publishedStory(slug).orElse(null) : null;
    if (story != null) {
      return;
    }
    Optional<String> renamed = Routes.isSlug(slug) ? content.renamedStory(slug) : Optional.empty();
    if (renamed.isPresent()) {
      Faces.redirectPermanent("stories/" + renamed.get());
    } else {
      // No published story has this address.
      ErrorPageView.sendNotFound();
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  /**
   * Whether the story is about volunteering, so that it ends with an invitation to volunteer: its
   * category's address or its title names volunteers (the seed's "Volunteer spotlight" stories, and
   * any staff file under a category like it).
   */
  public boolean isAboutVolunteering() {
    if (story == null) {
      return false;
    }
    String category = story.summary().category() == null ? "" : story.summary().category().slug();
    return category.contains("volunteer")
        || story.summary().title().toLowerCase(java.util.Locale.ROOT).contains("volunteer");
  }

  public StoryDetail getStory() {
    return story;
  }
}
