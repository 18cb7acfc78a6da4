package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;

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
          "PAGE_UPDATED",
          "CATEGORY_CREATED",
          "CATEGORY_UPDATED",
          "CATEGORY_DELETED");

  @Inject transient AuditLog log;

  private LazyDataModel<AuditRecord> entries;

  @PostConstruct
  void init() {
    entries =
        new LazyList<>(
            filters -> log.count(filters.get("actor"), filters.get("action")),
            (filters, sort, first, max) ->
                log.find(filters.get("actor"), filters.get("action"), first, max),
            AuditRecord::id);
  }

  public LazyDataModel<AuditRecord> getEntries() {
    return entries;
  }

  public List<String> getActions() {
    return ACTIONS;
  }
}
