package org.aasr.web.admin;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy table model over a service that pages and filters by itself: the table asks for
 * one page at a time, with the text of its column filters and the column it is sorted by, and rows
 * are never selected.
 *
 * <p>Usage, in a {@code @ViewScoped} view: {@code new LazyList<>(filters -> log.count(...),
 * (filters, sort, first, max) -> log.find(...), AuditRecord::id)}.
 *
 * @param <T> the row type, a record from a module's api
 */
final class LazyList<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Counts the rows that match the filters (column field → filter text). */
  interface Counter extends Serializable {
    long count(Map<String, String> filters);
  }

  /** Loads one page of the rows that match the filters, in the order asked for. */
  interface Loader<T> extends Serializable {
    List<T> load(Map<String, String> filters, Sort sort, int first, int max);
  }

  /**
   * The column a person sorted the table by.
   *
   * @param field the column's field, or null for the list's own order
   * @param ascending A to Z, oldest first
   */
  record Sort(String field, boolean ascending) {}

  /** A row's unique key. */
  interface Key<T> extends Function<T, Object>, Serializable {}

  private final Counter counter;
  private final Loader<T> loader;
  private final Key<T> key;

  LazyList(Counter counter, Loader<T> loader, Key<T> key) {
    this.counter = counter;
    this.loader = loader;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filters) {
    return (int) counter.count(texts(filters));
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
    Sort order =
        sort.values().stream()
            .filter(meta -> meta.getOrder() != null && !meta.getOrder().isUnsorted())
            .findFirst()
            .map(meta -> new Sort(meta.getField(), meta.getOrder().isAscending()))
            .orElse(new Sort(null, false));
    return loader.load(texts(filters), order, first, pageSize);
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.apply(row));
  }

  @Override
  public T getRowData(String rowKey) {
    return null; // rows are not selectable
  }

  private static Map<String, String> texts(Map<String, FilterMeta> filters) {
    Map<String, String> texts = new HashMap<>();
    filters.forEach(
        (field, meta) -> {
          if (meta != null && meta.getFilterValue() != null) {
            texts.put(field, meta.getFilterValue().toString());
          }
        });
    return texts;
  }
}
