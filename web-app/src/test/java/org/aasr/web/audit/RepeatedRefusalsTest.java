package org.aasr.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aasr.web.accounts.AccountsDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals an attacker can repeat reach the audit log, counted, without flooding it. */
class RepeatedRefusalsTest {

  private AccountsDatabase db;
  private Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private RepeatedRefusals refusals;

  @BeforeEach
  void database() {
    db = new AccountsDatabase();
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private void at(Instant instant) {
    now = instant;
    refusals.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private List<String> summaries() {
    return db.inTransaction(
        em ->
            em.createQuery("SELECT e.summary FROM AuditEntry e ORDER BY e.id", String.class)
                .getResultList());
  }

  @BeforeEach
  void gatherer() {
    refusals = new RepeatedRefusals();
    refusals.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  @Test
  void theFirstRefusalIsWrittenAtOnceAndItsRepeatsAsOneCountedEntry() {
    bindAndRun(
        () -> {
          for (int i = 0; i < 500; i++) {
            record("203.0.113.9", ConsoleAction.ACCESS_REFUSED, "/admin/users");
          }
        });
    assertEquals(List.of("refused"), summaries());

    at(now.plus(RepeatedRefusals.WINDOW));
    bindAndRun(refusals::flush);

    List<String> written = summaries();
    assertEquals(2, written.size(), written.toString());
    assertTrue(written.get(1).contains("repeated 499 more times"), written.get(1));
  }

  @Test
  void varyingThePathDoesNotGetRoundTheLimit() {
    bindAndRun(
        () -> {
          for (int i = 0; i < 1000; i++) {
            record("203.0.113.9", ConsoleAction.ACCESS_REFUSED, "/admin/users/" + i);
          }
        });

    assertEquals(RepeatedRefusals.SUBJECTS_PER_ACTOR + 1, summaries().size());
    at(now.plus(Duration.ofMinutes(1)));
    bindAndRun(refusals::flush);
    assertTrue(summaries().get(summaries().size() - 1).contains("repeated 989 more times"));
  }

  @Test
  void varyingTheAddressDoesNotGetRoundTheLimitEither() {
    bindAndRun(
        () -> {
          for (int i = 0; i < 5000; i++) {
            record("2001:db8::" + Integer.toHexString(i), ConsoleAction.FORM_REFUSED, "/stories");
          }
        });

    assertEquals(RepeatedRefusals.MAX_KINDS + 1, summaries().size());
  }

  @Test
  void aRefusalAfterTheWindowStartsANewEntry() {
    bindAndRun(() -> record("203.0.113.9", ConsoleAction.SIGN_IN_PAUSED, "203.0.113.9"));
    at(now.plus(RepeatedRefusals.WINDOW));
    bindAndRun(() -> record("203.0.113.9", ConsoleAction.SIGN_IN_PAUSED, "203.0.113.9"));

    assertEquals(List.of("refused", "refused"), summaries());
  }

  private void record(String actor, ConsoleAction action, String subject) {
    refusals.record(actor, action, subject, "refused");
  }

  private void bindAndRun(Runnable work) {
    db.inTransaction(
        em -> {
          refusals.audit = AuditLogs.using(em);
          work.run();
          return null;
        });
  }
}
