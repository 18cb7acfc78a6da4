package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.aasr.content.api.CategoryAdmin;
import org.aasr.content.api.CategoryForm;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Editing a story category at {@code /admin/category?slug=news}, or making one at {@code
 * /admin/category}. A category is deleted only once no story is in it.
 */
@Named
@ViewScoped
public class CategoryEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CategoryAdmin content;

  private String slug;
  private boolean isNew = true;
  private int version;
  private long stories;

  @NotBlank(message = "Give the category a name.")
  @Size(max = 120, message = "A name has at most 120 characters.")
  private String name;

  @Size(max = 500, message = "A description has at most 500 characters.")
  private String description;

  /** Loads the category named by {@code ?slug=}, or starts a new one. */
  public void load() {
    if (slug == null || slug.isBlank()) {
      return;
    }
    CategoryForm form = content.category(slug).orElse(null);
    if (form == null) {
      // There is no such category.
      ErrorPageView.sendNotFound();
      return;
    }
    isNew = false;
    version = form.version();
    name = form.name();
    description = form.description();
    stories = form.stories();
  }

  public void save() {
    try {
      CategoryForm saved =
          content.save(new CategoryForm(isNew, version, slug, name, description, 0));
      Messages.addFlashGlobalInfo("Category \"{0}\" saved.", saved.name());
      Faces.redirect("admin/categories");
    } catch (ContentRejectedException e) {
      Messages.addError("category-form:" + e.field(), e.getMessage());
    } catch (ConcurrentChangeException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public void delete() {
    try {
      content.delete(slug, version);
      Messages.addFlashGlobalInfo("Category \"{0}\" deleted.", name);
      Faces.redirect("admin/categories");
    } catch (ContentRejectedException | ConcurrentChangeException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public boolean isNew() {
    return isNew;
  }

  public long getStories() {
    return stories;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
