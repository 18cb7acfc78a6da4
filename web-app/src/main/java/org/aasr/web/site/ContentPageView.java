package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.PageContent;

/** A content page such as the mission, at {@code /{slug}}. */
@Named
@RequestScoped
public class ContentPageView {

  @Inject ContentService content;

  private String slug;
  private PageContent page;

  /** Loads the page named by the URL, or answers 404 when there is none to show. */
  public void load() {
    page = Routes.isSlug(slug) ? content.publishedPage(slug).orElse(null) : null;
    if (page == null) {
      // No published page has this address.
      ErrorPageView.sendNotFound();
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public PageContent getPage() {
    return page;
  }
}
