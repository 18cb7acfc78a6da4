package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.aasr.content.api.ContentAdmin;
import org.aasr.content.api.StoryListItem;
import org.primefaces.model.LazyDataModel;

/** All stories, drafts and scheduled ones included, at {@code /admin/stories} (editors). */
@Named
@ViewScoped
public class StoriesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ContentAdmin content;

  private LazyDataModel<StoryListItem> stories;

  @PostConstruct
  void init() {
    stories =
        new LazyList<>(
            filters -> content.countStories(filters.get("title")),
            (filters, first, max) -> content.stories(filters.get("title"), first, max),
            StoryListItem::id);
  }

  public LazyDataModel<StoryListItem> getStories() {
    return stories;
  }
}
