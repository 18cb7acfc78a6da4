package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import org.aasr.content.api.CategoryAdmin;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryForm;
import org.aasr.web.config.SiteSettings;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Writing and publishing one story, at {@code /admin/story} (new) or {@code /admin/story?id=N}.
 *
 * <p>"Publish at" is read in the site's time zone; a time in the future schedules the story, which
 * then appears by itself at that time. Saving checks that nobody else saved the story since it was
 * opened, and otherwise saves nothing and says so.
 */
@Named
@ViewScoped
public class StoryEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StoryAdmin content;
  @Inject transient CategoryAdmin categoryAdmin;
  @Inject transient SiteSettings settings;

  private Long id;
  private int version;

  @NotBlank(message = "Give the story a title.")
  @Size(max = 300, message = "A title has at most 300 characters.")
  private String title;

  @Size(max = 200, message = "An address has at most 200 characters.")
  private String slug;

  @NotBlank(message = "Write a short excerpt: it is shown in lists and link previews.")
  @Size(max = 2000, message = "An excerpt has at most 2000 characters.")
  private String excerpt;

  @NotBlank(message = "Write the story.")
  @Size(max = 200_000, message = "The story is too long to save in one piece.")
  private String body;

  @NotBlank(message = "Say who wrote the story.")
  @Size(max = 200, message = "An author's name has at most 200 characters.")
  private String author;

  @NotBlank(message = "Choose a category.")
  private String category;

  private boolean published;
  private LocalDateTime publishAt;
  private boolean featured;

  private String imageFile;

  @Size(max = 300, message = "A picture's description has at most 300 characters.")
  private String imageAlt;

  private boolean removeImage;
  private transient Part image;
  private transient List<CategoryInfo> categories;

  /** Loads the story named by {@code ?id=}, or starts a new one. */
  public void load() {
    if (id == null) {
      return;
    }
    StoryForm form = content.story(id).orElse(null);
    if (form == null) {
      // There is no such story.
      ErrorPageView.sendNotFound();
      return;
    }
    version = form.version();
    title = form.title();
    slug = form.slug();
    excerpt = form.excerpt();
    body = form.bodyHtml();
    author = form.author();
    category = form.categorySlug();
    published = form.published();
    featured = form.featured();
    imageFile = form.imageFile();
    imageAlt = form.imageAlt();
    publishAt =
        form.publishAt() == null
            ? null
            : LocalDateTime.ofInstant(form.publishAt(), settings.zone());
  }

  public void save() throws java.io.IOException {
    try {
      if (image != null && image.getSize() > 0) {
        try (var in = image.getInputStream()) {
          imageFile = content.storeImage(in.readNBytes(StoryAdmin.MAX_IMAGE_BYTES + 1));
        }
      } else if (removeImage) {
        imageFile = null;
      }
      StoryForm saved =
          content.save(
              new StoryForm(
                  id,
                  version,
                  title,
                  slug,
                  excerpt,
                  body,
                  author,
                  category,
                  published,
                  publishAt == null ? null : publishAt.atZone(settings.zone()).toInstant(),
                  featured,
                  imageFile,
                  imageAlt));
      Messages.addFlashGlobalInfo(
          "Story saved{0}.",
          !saved.published()
              ? " as a draft"
              : saved.publishAt() != null && saved.publishAt().isAfter(java.time.Instant.now())
                  ? " and scheduled"
                  : " and published");
      Faces.redirect("admin/story?id=" + saved.id());
    } catch (ContentRejectedException e) {
      Messages.addError("story-form:" + e.field(), e.getMessage());
    } catch (ConcurrentChangeException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public void delete() {
    try {
      content.delete(id, version);
      Messages.addFlashGlobalInfo("Story \"{0}\" deleted.", title);
      Faces.redirect("admin/stories");
    } catch (ConcurrentChangeException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  /** The categories to choose from, read once for the open form however often the page asks. */
  public List<CategoryInfo> getCategories() {
    if (categories == null) {
      categories = categoryAdmin.categories();
    }
    return categories;
  }

  public boolean isNew() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getExcerpt() {
    return excerpt;
  }

  public void setExcerpt(String excerpt) {
    this.excerpt = excerpt;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public String getImageFile() {
    return imageFile;
  }

  public String getImageAlt() {
    return imageAlt;
  }

  public void setImageAlt(String imageAlt) {
    this.imageAlt = imageAlt;
  }

  public boolean isRemoveImage() {
    return removeImage;
  }

  public void setRemoveImage(boolean removeImage) {
    this.removeImage = removeImage;
  }

  public Part getImage() {
    return image;
  }

  public void setImage(Part image) {
    this.image = image;
  }

  public boolean isFeatured() {
    return featured;
  }

  public void setFeatured(boolean featured) {
    this.featured = featured;
  }

  public LocalDateTime getPublishAt() {
    return publishAt;
  }

  public void setPublishAt(LocalDateTime publishAt) {
    this.publishAt = publishAt;
  }
}
