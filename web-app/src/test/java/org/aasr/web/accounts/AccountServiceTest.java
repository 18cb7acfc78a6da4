package org.aasr.web.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accounts service on a real embedded Derby with EclipseLink, outside the container. */
class AccountServiceTest {

  private static final String ADMIN = "admin@aasr.test";
  private static final String EDITOR = "editor@aasr.test";
  private static final String PASSWORD = "a long editor passphrase";
  private static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.ADMIN);

  private AccountsDatabase db;
  private Instant now = Instant.parse("2026-11-29T10:00:00Z");

  @BeforeEach
  void accounts() {
    db = new AccountsDatabase();
    db.clock = Clock.fixed(now, ZoneOffset.UTC);
    db.anonymous(
        s ->
            s.create(
                "system", ADMIN, "Admin", "the administrator's passphrase", ADMIN_ROLES, false));
    db.anonymous(
        s -> s.create("system", EDITOR, "Editor", PASSWORD, EnumSet.of(Role.EDITOR), false));
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private void moveClock(Duration by) {
    now = now.plus(by);
    db.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private <T> T asAdmin(java.util.function.Function<AccountService, T> call) {
    return db.as(ADMIN, ADMIN_ROLES, call);
  }

  private Optional<Account> signIn(String email, String password) {
    return db.anonymous(s -> s.signIn(email, password));
  }

  private OptionalInt version(String email) {
    return db.anonymous(s -> s.credentialVersion(email));
  }

  private long audited(String action, String subject) {
    return db.count(
        "SELECT COUNT(*) FROM audit_entry WHERE action = '"
            + action
            + "' AND subject_id = '"
            + subject
            + "'");
  }

  @Test
  void anAdministratorChangesSomeonesRolesAndTheChangeIsAudited() {
    asAdmin(
        s -> {
          s.setRoles(EDITOR, EnumSet.of(Role.FUNDRAISING, Role.VOLUNTEER_COORDINATOR));
          return null;
        });

    assertEquals(
        EnumSet.of(Role.FUNDRAISING, Role.VOLUNTEER_COORDINATOR),
        db.anonymous(s -> s.account(EDITOR)).orElseThrow().roles());
    assertEquals(1, audited("ROLES_CHANGED", EDITOR));

    asAdmin(
        s -> {
          s.setRoles(EDITOR, EnumSet.of(Role.EDITOR, Role.FUNDRAISING));
          return null;
        });
    assertEquals(
        EnumSet.of(Role.EDITOR, Role.FUNDRAISING),
        db.anonymous(s -> s.account(EDITOR)).orElseThrow().roles());
    assertEquals(2, audited("ROLES_CHANGED", EDITOR));
  }

  @Test
  void everyChangeOfWhatAnAccountMayDoChangesItsCredentialVersion() {
    List<Integer> seen = new ArrayList<>();
    seen.add(version(EDITOR).getAsInt());

    asAdmin(
        s -> {
          s.setRoles(EDITOR, EnumSet.of(Role.FUNDRAISING));
          return null;
        });
    seen.add(version(EDITOR).getAsInt());
    String oneTime = asAdmin(s -> s.resetPassword(EDITOR));
    seen.add(version(EDITOR).getAsInt());
    db.anonymous(s -> s.changePassword(EDITOR, oneTime, "my own new passphrase"));
    seen.add(version(EDITOR).getAsInt());

    assertEquals(seen.size(), seen.stream().distinct().count(), seen.toString());
    asAdmin(
        s -> {
          s.setActive(EDITOR, false);
          return null;
        });
    assertTrue(version(EDITOR).isEmpty(), "a deactivated account has no session to keep");
    asAdmin(
        s -> {
          s.setActive(EDITOR, true);
          return null;
        });
    assertFalse(seen.contains(version(EDITOR).getAsInt()), "reactivating revives no old session");
  }

  @Test
  void aWeakNewPasswordIsRefusedWithTheReasonAndNothingChanges() {
    int before = version(EDITOR).getAsInt();

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> db.anonymous(s -> s.changePassword(EDITOR, PASSWORD, "password1234")));

    assertTrue(refused.getMessage().contains("most common passwords"), refused.getMessage());
    assertEquals(before, version(EDITOR).getAsInt());
    assertTrue(signIn(EDITOR, PASSWORD).isPresent());
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilTheLockExpires() {
    for (int i = 0; i < AccountService.LOCK_AFTER; i++) {
      assertTrue(signIn(EDITOR, "wrong password " + i).isEmpty());
    }

    assertTrue(signIn(EDITOR, PASSWORD).isEmpty(), "locked, even with the right password");
    moveClock(AccountService.LOCK_FOR.minusSeconds(1));
    assertTrue(signIn(EDITOR, PASSWORD).isEmpty(), "still locked a second before the end");
    moveClock(Duration.ofSeconds(1));
    assertTrue(signIn(EDITOR, PASSWORD).isPresent(), "the lock has expired");
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'SIGN_IN_REFUSED'"
                + " AND summary LIKE '%account locked for 15 minutes%'"));
  }

  @Test
  void fortySimultaneousWrongPasswordsAreEachCountedAuditedAndLockTheAccount() throws Exception {
    int attempts = 40;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Account>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        String guess = "wrong guess number " + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return signIn(EDITOR, guess);
                }));
      }
      start.countDown();
      for (Future<Optional<Account>> result : results) {
        assertTrue(result.get(2, TimeUnit.MINUTES).isEmpty(), "no error, no sign-in");
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(attempts, audited("SIGN_IN_REFUSED", EDITOR), "every attempt is in the log");
    assertTrue(signIn(EDITOR, PASSWORD).isEmpty(), "the account is locked");
    assertTrue(
        db.count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'SIGN_IN_REFUSED'"
                    + " AND summary LIKE '%account locked for 15 minutes%'")
            >= 1);
  }

  @Test
  void aCorrectPasswordAfterFailuresClearsTheCountAndIsAudited() {
    for (int i = 0; i < AccountService.LOCK_AFTER - 1; i++) {
      signIn(EDITOR, "wrong password " + i);
    }
    assertTrue(signIn(EDITOR, PASSWORD).isPresent());
    for (int i = 0; i < AccountService.LOCK_AFTER - 1; i++) {
      signIn(EDITOR, "wrong again " + i);
    }

    assertTrue(signIn(EDITOR, PASSWORD).isPresent(), "the count started again after success");
    assertEquals(2, audited("SIGNED_IN", EDITOR));
  }

  @Test
  void nobodyCanTakeTheirOwnAdministratorRole() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            asAdmin(
                s -> {
                  s.setRoles(ADMIN, EnumSet.of(Role.EDITOR));
                  return null;
                }));
    assertNotEquals(Optional.empty(), db.anonymous(s -> s.account(ADMIN)));
  }
}
