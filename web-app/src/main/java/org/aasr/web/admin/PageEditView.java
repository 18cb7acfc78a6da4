package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.net.MalformedURLException;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.PageAdmin;
import org.aasr.content.api.PageForm;
import org.aasr.web.site.ErrorPageView;
import org.aasr.web.site.Routes;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Editing a content page such as the mission, at {@code /admin/page?slug=mission}, or making a new
 * one at {@code /admin/page}. A new page's address must be free on the site: not another page's,
 * and not one the site itself uses, such as {@code /stories}.
 */
@Named
@ViewScoped
public class PageEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PageAdmin content;

  private String slug;
  private boolean isNew = true;
  private int version;

  @NotBlank(message = "Give the page a title.")
  @Size(max = 300, message = "A title has at most 300 characters.")
  private String title;

  @NotBlank(message = "Write a short summary: it is shown on the home page and in link previews.")
  @Size(max = 2000, message = "A summary has at most 2000 characters.")
  private String summary;

  @NotBlank(message = "Write the page.")
  @Size(max = 200_000, message = "The page is too long to save in one piece.")
  private String body;

  private boolean published = true;

  /** Loads the page named by {@code ?slug=}, or starts a new one. */
  public void load() {
    if (slug == null || slug.isBlank()) {
      return;
    }
    PageForm form = content.page(slug).orElse(null);
    if (form == null) {
      // There is no such page.
      ErrorPageView.sendNotFound();
      return;
    }
    isNew = false;
    version = form.version();
    title = form.title();
    summary = form.summary();
    body = form.bodyHtml();
    published = form.published();
  }

  public void save() {
    if (isNew && !servedAsContentPage(slug)) {
      Messages.addError(
          "page-form:slug",
          "Use lower-case letters, digits and single hyphens, and not an address the site uses"
              + " itself (such as stories or donate).");
      return;
    }
    try {
      PageForm saved =
          content.save(new PageForm(isNew, version, slug, title, summary, body, published));
      Messages.addFlashGlobalInfo(
          "Page saved{0}.",
          saved.published() ? " and visible on the site" : " and hidden from visitors");
      Faces.redirect("admin/page?slug=" + saved.slug());
    } catch (ContentRejectedException e) {
      Messages.addError("page-form:" + e.field(), e.getMessage());
    } catch (ConcurrentChangeException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  private static boolean servedAsContentPage(String slug) {
    return slug != null
        && Routes.resolve("/" + slug.trim(), PageEditView::viewExists)
            .filter(view -> view.startsWith("/page.xhtml?"))
            .isPresent();
  }

  private static boolean viewExists(String view) {
    try {
      return Faces.getServletContext().getResource(view) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }

  public boolean isNew() {
    return isNew;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }
}
