package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.aasr.content.api.ContentAdmin;
import org.aasr.content.api.StoryListItem;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** All stories, drafts and scheduled ones included, at {@code /admin/stories} (editors). */
@Named
@ViewScoped
public class StoriesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ContentAdmin content;

  private LazyDataModel<StoryListItem> stories;

  @PostConstruct
  void init() {
    stories = new Stories();
  }

  public LazyDataModel<StoryListItem> getStories() {
    return stories;
  }

  private final class Stories extends LazyDataModel<StoryListItem> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) content.countStories(title(filters));
    }

    @Override
    public List<StoryListItem> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      return content.stories(title(filters), first, pageSize);
    }

    @Override
    public String getRowKey(StoryListItem story) {
      return String.valueOf(story.id());
    }

    @Override
    public StoryListItem getRowData(String rowKey) {
      return null; // rows are not selectable
    }

    private String title(Map<String, FilterMeta> filters) {
      FilterMeta meta = filters.get("title");
      return meta == null || meta.getFilterValue() == null
          ? null
          : meta.getFilterValue().toString();
    }
  }
}
