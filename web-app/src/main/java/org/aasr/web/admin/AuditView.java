package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.aasr.web.audit.AuditActionOption;
import org.aasr.web.audit.AuditLog;
import org.aasr.web.audit.AuditRecord;
import org.primefaces.model.LazyDataModel;

/**
 * The audit log, at {@code /admin/audit} (administrators only): newest first, a page at a time,
 * filtered by who acted and what they did. Read-only: the console offers no way to change it.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

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

  /** Every action the log records, for the filter: taken from the action types themselves. */
  public List<AuditActionOption> getActions() {
    return AuditLog.actions();
  }
}
