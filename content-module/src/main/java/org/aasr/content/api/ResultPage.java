package org.aasr.content.api;

import java.util.List;

/**
 * One page of a longer, ordered list.
 *
 * @param items what this page holds
 * @param page its 1-based number
 * @param pageSize how many items a full page holds
 * @param totalItems how many items all pages hold together
 * @param <T> the item type
 */
public record ResultPage<T>(List<T> items, int page, int pageSize, long totalItems) {

  /** The largest page a caller may ask for, so that no request can load a whole table. */
  public static final int MAX_PAGE_SIZE = 50;

  public ResultPage {
    items = List.copyOf(items);
  }

  /** The number of pages, at least 1 so that an empty list still has a (first, empty) page. */
  public int totalPages() {
    return (int) Math.max(1, (totalItems + pageSize - 1) / pageSize);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < totalPages();
  }
}
