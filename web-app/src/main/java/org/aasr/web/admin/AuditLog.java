package org.aasr.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The audit log: who did what, when, to what. Every change made in the console is recorded in the
 * same transaction as the change itself, so a change without its entry cannot happen. The log has
 * no way to edit or delete an entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

  @PersistenceContext(unitName = "admin")
  EntityManager em;

  /**
   * Records one action.
   *
   * @param actor the email address of who acted
   * @param action what was done, e.g. {@code STORY_PUBLISHED}
   * @param subjectType the kind of thing acted on, e.g. {@code story}
   * @param subjectId which one, or null
   * @param summary what changed, before and after, in a sentence
   */
  public void record(
      String actor, String action, String subjectType, String subjectId, String summary) {
    em.persist(
        new AuditEntry(
            LocalDateTime.now(ZoneOffset.UTC),
            clip(actor, 254),
            action,
            subjectType,
            clip(subjectId, 200),
            clip(summary, 4000)));
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
