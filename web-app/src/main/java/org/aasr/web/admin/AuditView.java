package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log, at {@code /admin/audit} (administrators only): newest first, a page at a time,
 * filtered by who acted and what they did. Read-only: the console offers no way to change it.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The actions the log records, for the filter. */
  static final List<String> ACTIONS =
      List.of(
          "SIGNED_IN",
          "SIGN_IN_REFUSED",
          "SIGNED_OUT",
          "PASSWORD_CHANGED",
          "PASSWORD_CHANGE_REFUSED",
          "PASSWORD_RESET",
          "ACCOUNT_CREATED",
          "ACCOUNT_DEACTIVATED",
          "ACCOUNT_REACTIVATED",
          "ROLES_CHANGED",
          "STORY_CREATED",
          "STORY_UPDATED",
          "STORY_DELETED",
          "PAGE_CREATED",
          "PAGE_UPDATED");

  @Inject transient AuditLog log;

  private LazyDataModel<AuditRecord> entries;

  @PostConstruct
  void init() {
    entries = new Entries();
  }

  public LazyDataModel<AuditRecord> getEntries() {
    return entries;
  }

  public List<String> getActions() {
    return ACTIONS;
  }

  private final class Entries extends LazyDataModel<AuditRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) log.count(filter(filters, "actor"), filter(filters, "action"));
    }

    @Override
    public List<AuditRecord> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      return log.find(filter(filters, "actor"), filter(filters, "action"), first, pageSize);
    }

    @Override
    public String getRowKey(AuditRecord record) {
      return String.valueOf(record.id());
    }

    @Override
    public AuditRecord getRowData(String rowKey) {
      return null; // rows are not selectable
    }

    private String filter(Map<String, FilterMeta> filters, String field) {
      FilterMeta meta = filters.get(field);
      return meta == null || meta.getFilterValue() == null
          ? null
          : meta.getFilterValue().toString();
    }
  }
}
