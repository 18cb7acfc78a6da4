package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryListItem;
import org.aasr.content.api.StoryOrder;
import org.primefaces.model.LazyDataModel;

/** All stories, drafts and scheduled ones included, at {@code /admin/stories} (editors). */
@Named
@ViewScoped
public class StoriesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StoryAdmin content;

  private LazyDataModel<StoryListItem> stories;

  @PostConstruct
  void init() {
    stories =
        new LazyList<>(
            filters -> content.countStories(filters.get("title")),
            (filters, sort, first, max) ->
                content.stories(
                    filters.get("title"), order(sort.field()), sort.ascending(), first, max),
            StoryListItem::id);
  }

  /** The story order for a column's field, null for the list's own order. */
  static StoryOrder order(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "title" -> StoryOrder.TITLE;
      case "categoryName" -> StoryOrder.CATEGORY;
      case "publishAt" -> StoryOrder.PUBLISH_AT;
      case "updatedAt" -> StoryOrder.LAST_CHANGED;
      default -> null;
    };
  }

  public LazyDataModel<StoryListItem> getStories() {
    return stories;
  }
}
