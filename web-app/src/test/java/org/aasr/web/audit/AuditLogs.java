package org.aasr.web.audit;

import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The audit log and its repeat gatherer outside the container, for the component tests. */
public final class AuditLogs {

  private AuditLogs() {}

  /** An audit log that writes with this entity manager (in its current transaction). */
  public static AuditLog using(EntityManager em) {
    AuditLog log = new AuditLog();
    log.em = em;
    return log;
  }

  /** A repeat gatherer writing to a log, on a clock. */
  public static RepeatedRefusals refusals(AuditLog log, Clock clock) {
    RepeatedRefusals refusals = new RepeatedRefusals();
    refusals.audit = log;
    refusals.clock = clock;
    return refusals;
  }
}
