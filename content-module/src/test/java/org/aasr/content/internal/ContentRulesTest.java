package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentRejectedException;
import org.junit.jupiter.api.Test;

/** How a write the database refused is told to the editor. */
class ContentRulesTest {

  private static PersistenceException refused(SQLException cause) {
    return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException(cause));
  }

  @Test
  void aLostOptimisticLockIsTheConflictMessage() {
    var e =
        ContentRules.translate(
            new OptimisticLockException("x"), ContentKind.PAGE, ContentRules.Write.CHANGE, null);

    assertEquals(ContentKind.PAGE.savedMeanwhileMessage(), e.getMessage());
    assertInstanceOf(ConcurrentChangeException.class, e);
  }

  @Test
  void aLostOptimisticLockOnDeleteSaysNothingWasDeleted() {
    var e =
        ContentRules.translate(
            new OptimisticLockException("x"), ContentKind.STORY, ContentRules.Write.DELETE, null);

    assertEquals(
        "Someone else saved this story after you opened it. Nothing was deleted.", e.getMessage());
  }

  @Test
  void aDuplicateKeyIsTheAddressTakenMessageNextToTheAddress() {
    var e =
        ContentRules.translate(
            refused(new SQLIntegrityConstraintViolationException("dup", "23505")),
            ContentKind.CATEGORY,
            ContentRules.Write.CREATE,
            null);

    var rejected = assertInstanceOf(ContentRejectedException.class, e);
    assertEquals("slug", rejected.field());
    assertEquals("Another category has this address already.", rejected.getMessage());
  }

  @Test
  void aRowStillReferredToIsTheCallersRefusal() {
    var stillThere = new ContentRejectedException("category", "A story is still in it.");

    assertSame(
        stillThere,
        ContentRules.translate(
            refused(new SQLIntegrityConstraintViolationException("fk", "23503")),
            ContentKind.CATEGORY,
            ContentRules.Write.DELETE,
            stillThere));
  }

  @Test
  void aDeadlockOrLockTimeoutIsTheConflictMessage() {
    for (String state : new String[] {"40001", "40XL1", "40P01"}) {
      var e =
          ContentRules.translate(
              refused(new SQLException("lock", state)),
              ContentKind.STORY,
              ContentRules.Write.CHANGE,
              null);
      assertInstanceOf(ConcurrentChangeException.class, e, state);
    }
  }

  @Test
  void anyOtherFailureIsNotDisguised() {
    var failure = refused(new SQLException("disk full", "XSDG1"));

    assertSame(
        failure,
        ContentRules.translate(failure, ContentKind.STORY, ContentRules.Write.CHANGE, null));
  }

  @Test
  void aCreationThatLosesALockToAnotherWriterHasLostItsAddress() {
    for (String state : ContentRules.LOST_TO_ANOTHER) {
      var e =
          ContentRules.translate(
              refused(new SQLException("deadlock", state)),
              ContentKind.PAGE,
              ContentRules.Write.CREATE,
              null);
      ContentRejectedException taken = assertInstanceOf(ContentRejectedException.class, e, state);
      assertEquals("slug", taken.field());
      assertEquals(ContentKind.PAGE.addressTakenMessage(), taken.getMessage());
    }
  }
}
