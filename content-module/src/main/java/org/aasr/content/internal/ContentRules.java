package org.aasr.content.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Consumer;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentChanged;
import org.aasr.content.api.ContentEditors;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.ControlCharacters;

/**
 * The rules that stories, pages and categories share, written once: who may change content, the
 * version check, the address (slug) rules, the text rule, writing a change so that a conflict the
 * database finds reads like one the check finds, and telling the audit log.
 *
 * <p>Why the writing rule: the version check and the "address taken" check read the database before
 * the change is written. Two editors saving at the very same moment both pass them, and the second
 * write then fails in the database (no row of the opened version to update, or a duplicate in a
 * unique column). With JTA the commit happens after the service method has returned, where such a
 * failure could only reach the editor as an error page; so every change is flushed inside the
 * method by {@link #write}, and the database's answer is turned into the same {@link
 * ConcurrentChangeException} or {@link ContentRejectedException} as the checks give.
 */
@ApplicationScoped
class ContentRules {

  /** SQLState of a duplicate in a unique column or key (Derby and PostgreSQL). */
  static final String UNIQUE_VIOLATION = "23505";

  /** SQLState of a row still referred to, or referring to one that is gone. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  /**
   * SQLStates of two transactions that waited on each other: a serialization failure or deadlock
   * (40001; PostgreSQL's deadlock is 40P01) or a lock wait that timed out (Derby's 40XL1, 40XL2).
   */
  static final Set<String> LOST_TO_ANOTHER = Set.of("40001", "40P01", "40XL1", "40XL2");

  @Inject ContentEditors editors;
  @Inject Event<ContentChanged> events;

  private Consumer<ContentChanged> sink;
  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  ContentRules() {}

  /** For tests outside the container: who edits, where the events go, what time it is. */
  ContentRules(ContentEditors editors, Consumer<ContentChanged> sink, Clock clock) {
    this.editors = editors;
    this.sink = sink;
    this.clock = clock;
  }

  /**
   * The signed-in editor's name for the audit log.
   *
   * @throws SecurityException when nobody who may manage content is signed in
   */
  String requireEditor() {
    return editors
        .currentEditor()
        .orElseThrow(
            () -> new SecurityException("Only editors and administrators manage content."));
  }

  /** Now, in UTC, as the content's times are stored. */
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Tells the audit log (and any other observer) of a change, inside its transaction. */
  void changed(String actor, ContentAction action, String subjectId, String summary) {
    ContentChanged event = new ContentChanged(actor, action, subjectId, summary);
    if (sink != null) {
      sink.accept(event);
    } else {
      events.fire(event);
    }
  }

  /**
   * Refuses a save of content that someone else saved since the editor opened it.
   *
   * @param current the version in the database
   * @param opened the version the editor opened
   */
  static void checkVersion(ContentKind kind, int current, int opened) {
    if (current != opened) {
      throw new ConcurrentChangeException(kind.savedMeanwhileMessage());
    }
  }

  /** Refuses a delete of content that someone else saved since the editor opened it. */
  static void checkVersionForDelete(ContentKind kind, int current, int opened) {
    if (current != opened) {
      throw new ConcurrentChangeException(kind.deleteRefusedMessage());
    }
  }

  /**
   * The address for new or renamed content: the one given, or one made from its title or name when
   * none is given.
   *
   * @throws ContentRejectedException (field {@code slug}) when it breaks the address rules
   */
  static String slug(ContentKind kind, String given, String madeFrom) {
    String slug =
        given == null || given.isBlank()
            ? Slugs.fromTitle(line(madeFrom))
            : ControlCharacters.removeFromLine(given).trim();
    if (!Slugs.isValid(slug)) {
      throw new ContentRejectedException("slug", kind.addressRuleMessage());
    }
    return slug;
  }

  /** Refuses an address that other content of the same kind holds. */
  static void refuseTakenAddress(ContentKind kind) {
    throw new ContentRejectedException("slug", kind.addressTakenMessage());
  }

  /**
   * A one-line field as stored: without control characters or line breaks, trimmed; "" for null.
   */
  static String line(String text) {
    return text == null ? "" : ControlCharacters.removeFromLine(text).trim();
  }

  /** A field of several lines as stored: without control characters, trimmed; "" for null. */
  static String text(String text) {
    return text == null ? "" : ControlCharacters.removeFromText(text).trim();
  }

  /** Rich text as stored: without control characters, then cleaned with the allow-list. */
  static String html(String html) {
    return HtmlPolicy.clean(ControlCharacters.removeFromText(html));
  }

  /** What a write does to its content, for the message a lost race gets. */
  enum Write {
    CREATE,
    CHANGE,
    DELETE
  }

  /**
   * Writes the changes made in {@code change} to the database now, inside the caller's transaction,
   * and turns a conflict the database finds into the editor's message.
   *
   * @param write whether the change creates, changes or deletes the content: a lost race reads
   *     differently for each (nobody else can be editing content that is being created, so a
   *     creation that loses a lock to another writer has lost its address to it)
   * @param stillReferred the refusal when the database says other rows still refer to the content
   *     being deleted, or that a row it refers to has gone; null when that cannot happen
   */
  static void write(
      EntityManager em,
      ContentKind kind,
      Write write,
      Runnable change,
      ContentRejectedException stillReferred) {
    try {
      change.run();
      em.flush();
    } catch (PersistenceException e) {
      throw translate(e, kind, write, stillReferred);
    }
  }

  /** The editor's message for a write the database refused, or the failure itself if none fits. */
  static RuntimeException translate(
      PersistenceException failure,
      ContentKind kind,
      Write write,
      ContentRejectedException stillReferred) {
    String lost =
        write == Write.DELETE ? kind.deleteRefusedMessage() : kind.savedMeanwhileMessage();
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
        return new ConcurrentChangeException(lost);
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals(UNIQUE_VIOLATION)) {
          return new ContentRejectedException("slug", kind.addressTakenMessage());
        }
        if (state.equals(FOREIGN_KEY_VIOLATION) && stillReferred != null) {
          return stillReferred;
        }
        if (LOST_TO_ANOTHER.contains(state)) {
          return write == Write.CREATE
              ? new ContentRejectedException("slug", kind.addressTakenMessage())
              : new ConcurrentChangeException(lost);
        }
      }
    }
    return failure;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
