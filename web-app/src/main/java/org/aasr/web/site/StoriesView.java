package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.ResultPage;
import org.aasr.content.api.StorySummary;

/**
 * The stories index at {@code /stories}: newest first, {@value #PAGE_SIZE} a page, optionally of
 * one category ({@code ?category=my-aasr-story&page=2}). Plain links page and filter it, so it
 * works without JavaScript and every state has its own bookmarkable URL.
 */
@Named
@RequestScoped
public class StoriesView {

  /** Stories per page. */
  public static final int PAGE_SIZE = 10;

  @Inject ContentService content;

  private String category;
  private String page;

  private CategoryInfo selectedCategory;
  private List<CategoryInfo> categories;
  private ResultPage<StorySummary> stories;

  /**
   * Loads the asked-for page. An unknown category or a page number that is not a number or lies
   * past the last page answers 404, as a missing page would.
   */
  public void load() {
    categories = content.categories();
    if (category != null && !category.isEmpty()) {
      selectedCategory =
          categories.stream().filter(c -> c.slug().equals(category)).findFirst().orElse(null);
      if (selectedCategory == null) {
        // There is no such story category.
        ErrorPageView.sendNotFound();
        return;
      }
    }
    int number = pageNumber();
    if (number < 1) {
      // There is no such page of stories.
      ErrorPageView.sendNotFound();
      return;
    }
    stories =
        content.publishedStories(
            selectedCategory == null ? null : selectedCategory.slug(), number, PAGE_SIZE);
    if (number > stories.totalPages()) {
      // There is no such page of stories.
      ErrorPageView.sendNotFound();
    }
  }

  private int pageNumber() {
    if (page == null || page.isEmpty()) {
      return 1;
    }
    try {
      return Integer.parseInt(page);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The query string of another page of the same list, e.g. {@code ?category=news&page=2}. */
  public String query(int pageNumber) {
    StringBuilder q = new StringBuilder();
    if (selectedCategory != null) {
      q.append("category=").append(selectedCategory.slug());
    }
    if (pageNumber > 1) {
      q.append(q.length() > 0 ? "&" : "").append("page=").append(pageNumber);
    }
    return q.length() == 0 ? "" : "?" + q;
  }

  /** The heading: all stories, or those of one category. */
  public String getHeading() {
    return selectedCategory == null ? "Stories" : "Stories: " + selectedCategory.name();
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public CategoryInfo getSelectedCategory() {
    return selectedCategory;
  }

  public List<CategoryInfo> getCategories() {
    return categories;
  }

  public ResultPage<StorySummary> getStories() {
    return stories;
  }
}
