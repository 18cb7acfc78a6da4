package org.aasr.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentChanged;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;

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
   * Every action the log records, the console's own and each module's, for the audit page's filter.
   * A module's action type joins here when the module does.
   */
  public static List<AuditActionOption> actions() {
    return Stream.of(
            Stream.of(ConsoleAction.values()).map(a -> new AuditActionOption(a.name(), a.label())),
            Stream.of(ContentAction.values()).map(a -> new AuditActionOption(a.name(), a.label())),
            Stream.of(DonationAction.values()).map(a -> new AuditActionOption(a.name(), a.label())),
            Stream.of(VolunteerAction.values())
                .map(a -> new AuditActionOption(a.name(), a.label())))
        .flatMap(actions -> actions)
        .toList();
  }

  /**
   * Records one of the console's own actions.
   *
   * @param actor the email address of who acted
   * @param action what was done
   * @param subjectId which account, or null
   * @param summary what changed, before and after, in a sentence
   */
  public void record(String actor, ConsoleAction action, String subjectId, String summary) {
    write(actor, action.name(), action.subjectType(), subjectId, summary);
  }

  /**
   * Records one of the console's own actions that changes nothing, such as an export, in a
   * transaction of its own: there is no change for it to be part of.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRead(String actor, ConsoleAction action, String subjectId, String summary) {
    record(actor, action, subjectId, summary);
  }

  private void write(
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

  /** Records the content module's changes, in the transaction that made them. */
  void onContentChanged(@Observes ContentChanged change) {
    write(
        change.actor(),
        change.action().name(),
        change.action().subjectType(),
        change.subjectId(),
        change.summary());
  }

  /** Records the volunteer module's changes, a visitor's sign-up included, in their transaction. */
  void onVolunteerChanged(@Observes VolunteerChanged change) {
    write(
        change.actor(),
        change.action().name(),
        change.action().subjectType(),
        change.subjectId(),
        change.summary());
  }

  /**
   * Records the donation module's changes, in the transaction that made them; a donor's own are
   * recorded as "visitor" with the donation's reference, never their name or address.
   */
  void onDonationChanged(@Observes DonationChanged change) {
    write(
        change.actor(),
        change.action().name(),
        change.action().subjectType(),
        change.subjectId(),
        change.summary());
  }

  /**
   * A page of entries, newest first, optionally only those whose actor contains a text and whose
   * action is one given.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditRecord> find(String actorContains, String action, int first, int max) {
    return query(actorContains, action, false, AuditEntry.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(
            e ->
                new AuditRecord(
                    e.getId(),
                    e.getOccurredAt().toInstant(ZoneOffset.UTC),
                    e.getActor(),
                    e.getAction(),
                    e.getSubjectType(),
                    e.getSubjectId(),
                    e.getSummary()))
        .toList();
  }

  /** How many entries {@link #find} would page through. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(String actorContains, String action) {
    return query(actorContains, action, true, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> query(
      String actorContains, String action, boolean count, Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(
            count ? "SELECT COUNT(e) FROM AuditEntry e" : "SELECT e FROM AuditEntry e");
    List<String> where = new ArrayList<>();
    if (actorContains != null && !actorContains.isBlank()) {
      where.add("LOWER(e.actor) LIKE :actor");
    }
    if (action != null && !action.isBlank()) {
      where.add("e.action = :action");
    }
    if (!where.isEmpty()) {
      jpql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!count) {
      jpql.append(" ORDER BY e.id DESC");
    }
    TypedQuery<T> query = em.createQuery(jpql.toString(), type);
    if (actorContains != null && !actorContains.isBlank()) {
      query.setParameter("actor", "%" + escapeLike(actorContains.trim().toLowerCase()) + "%");
    }
    if (action != null && !action.isBlank()) {
      query.setParameter("action", action);
    }
    return query;
  }

  private static String escapeLike(String text) {
    return text.replace("%", "").replace("_", "");
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
